using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Policies;

public sealed class CloseCodePolicyTests
{
    private static readonly int[] KnownCodes =
    [
        CloseCodes.Normal, CloseCodes.GoingAway, CloseCodes.Abnormal, CloseCodes.InvalidPayload, CloseCodes.ServiceRestart,
        CloseCodes.InvalidToken, CloseCodes.TokenExpired, CloseCodes.ChannelNotAuthorized,
        CloseCodes.AccountSuspended, CloseCodes.AdminDisconnect, CloseCodes.OverCapacity,
        CloseCodes.LivenessTimeout, CloseCodes.WelcomeTimeout, CloseCodes.ConnectionRefused, CloseCodes.SendQueueOverflow,
        CloseCodes.RosterTimeout,
        CloseCodes.FrameTooLarge, CloseCodes.RateLimited, CloseCodes.JoinTimeout, CloseCodes.ProtocolViolation, CloseCodes.SlowConsumer,
    ];

    [Theory]
    [InlineData(1007, "invalid_payload", CloseDisposition.Terminal)]
    [InlineData(4007, "frame_too_large", CloseDisposition.Terminal)]
    [InlineData(4008, "rate_limited", CloseDisposition.RetryAfterCapacityFloor)]
    [InlineData(4009, "join_timeout", CloseDisposition.Retry)]
    [InlineData(4010, "protocol_violation", CloseDisposition.Terminal)]
    [InlineData(4011, "slow_consumer", CloseDisposition.Retry)]
    public void Server_limit_codes_name_the_limit_and_only_a_broken_client_is_terminal(int code, string name, CloseDisposition disposition)
    {
        Assert.Equal(new CloseClassification(code, name, disposition), CloseCodePolicy.Classify(code));
    }

    [Theory]
    [InlineData(4001, "invalid_token")]
    [InlineData(4003, "channel_not_authorized")]
    [InlineData(4004, "account_suspended")]
    [InlineData(4005, "admin_disconnect")]
    public void Authorization_and_admin_codes_are_terminal(int code, string name)
    {
        var classification = CloseCodePolicy.Classify(code);

        Assert.Equal(new CloseClassification(code, name, CloseDisposition.Terminal), classification);
        Assert.True(classification.IsTerminal);
    }

    [Fact]
    public void An_expired_token_is_retried_with_a_fresh_token()
    {
        var classification = CloseCodePolicy.Classify(4002);

        Assert.Equal(new CloseClassification(4002, "token_expired", CloseDisposition.RetryWithFreshToken), classification);
        Assert.False(classification.IsTerminal);
    }

    [Fact]
    public void No_close_code_stands_for_an_unreachable_local_network_so_4102_is_an_unknown_code_retried_like_any_other()
    {
        var classification = CloseCodePolicy.Classify(4102);

        Assert.Equal(new CloseClassification(4102, "unknown", CloseDisposition.Retry), classification);
    }

    [Fact]
    public void A_refused_connection_is_retried_and_is_the_one_refusal()
    {
        var classification = CloseCodePolicy.Classify(CloseCodes.ConnectionRefused);

        Assert.Equal(new CloseClassification(4103, "connection_refused", CloseDisposition.Retry), classification);
        Assert.False(classification.IsTerminal);
        Assert.True(classification.IsRefusal);
        Assert.All(KnownCodes.Where(code => code != CloseCodes.ConnectionRefused), code => Assert.False(CloseCodePolicy.Classify(code).IsRefusal, $"code {code}"));
    }

    [Fact]
    public void Over_capacity_is_retried_no_sooner_than_the_capacity_floor()
    {
        var classification = CloseCodePolicy.Classify(4006);

        Assert.Equal(new CloseClassification(4006, "over_capacity", CloseDisposition.RetryAfterCapacityFloor), classification);
        Assert.False(classification.IsTerminal);
    }

    [Theory]
    [InlineData(1000, "normal")]
    [InlineData(1001, "going_away")]
    [InlineData(1006, "abnormal")]
    [InlineData(1012, "service_restart")]
    [InlineData(4100, "liveness_timeout")]
    [InlineData(4101, "welcome_timeout")]
    [InlineData(4104, "send_queue_overflow")]
    [InlineData(4105, "roster_timeout")]
    public void Graceful_abnormal_and_client_timeout_codes_are_retried(int code, string name)
    {
        var classification = CloseCodePolicy.Classify(code);

        Assert.Equal(new CloseClassification(code, name, CloseDisposition.Retry), classification);
        Assert.False(classification.IsTerminal);
    }

    [Fact]
    public void The_named_constants_carry_the_published_numbers()
    {
        Assert.Equal(
            [1000, 1001, 1006, 1007, 1012, 4001, 4002, 4003, 4004, 4005, 4006, 4100, 4101, 4103, 4104, 4105, 4007, 4008, 4009, 4010, 4011],
            KnownCodes);
    }

    [Fact]
    public void Every_other_code_is_unknown_and_retried_never_terminal()
    {
        var codes = Gen.Frequency(
                (3, ArbMap.Default.GeneratorFor<int>()),
                (3, Gen.Choose(990, 1020)),
                (3, Gen.Choose(3990, 4200)),
                (1, Gen.Choose(int.MinValue, int.MaxValue)))
            .Where(code => !KnownCodes.Contains(code))
            .ToArbitrary();

        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(1_000),
            Prop.ForAll(codes, code =>
            {
                var classification = CloseCodePolicy.Classify(code);
                return (classification == new CloseClassification(code, "unknown", CloseDisposition.Retry)
                        && !classification.IsTerminal && !classification.IsRefusal)
                    .Label($"code={code} classified as {classification}");
            }));
    }
}

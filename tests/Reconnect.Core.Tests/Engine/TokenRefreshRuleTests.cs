using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>The token in use is refreshed over the open socket ahead of its expiry; a call never reconnects for it.</summary>
public sealed class TokenRefreshRuleTests
{
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    /// <summary>A heartbeat that never declares the socket dead within three hours.</summary>
    private static readonly ReconnectOptions QuietSocket = new()
    {
        Heartbeat = new HeartbeatOptions { PingInterval = TimeSpan.FromHours(1), LivenessTimeout = TimeSpan.FromHours(3) },
    };

    /// <summary>Joins with a first token valid for <paramref name="lifetime"/>.</summary>
    internal static EngineHarness JoinedWithToken(TimeSpan lifetime, ulong seed = 1, ReconnectOptions? options = null)
    {
        var h = new EngineHarness(options ?? QuietSocket, seed);
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        AnswerWithLifetime(h, lifetime);
        h.OpenSocket();
        h.Welcome();
        h.AnswerRoster([EngineHarness.Peer("B")]);
        h.MediaConnected("B");
        return h;
    }

    private static void AnswerWithLifetime(EngineHarness h, TimeSpan lifetime, Uri? endpoint = null)
    {
        var fetch = h.Last<FetchToken>();
        h.Feed(new TokenFetched(fetch.Attempt, $"token-{fetch.Attempt}", EngineHarness.DefaultIce, lifetime, endpoint is null ? null : new SignallingRoute(endpoint, new Dictionary<string, string>())));
    }

    [Fact]
    public void A_ten_minute_token_is_refreshed_over_the_open_socket_within_the_lead_before_expiry_without_reconnecting()
    {
        var h = JoinedWithToken(TenMinutes);
        var joinedAt = h.Now;
        var before = h.Checkpoint;

        var fetch = h.AdvanceUntil<FetchToken>(TenMinutes);
        var lead = joinedAt + TenMinutes - h.Now;
        Assert.InRange(lead, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(72));

        AnswerWithLifetime(h, TenMinutes);

        Assert.Equal($"token-{fetch.Attempt}", h.LastSent<RefreshTokenMessage>().Token);
        Assert.Single(h.Since<TokenRefreshedNotice>(before), n => n.ValidFor == TenMinutes);
        Assert.Empty(h.Since<OpenSocket>(before));
        Assert.Empty(h.Since<LocalStateChangedNotice>(before));
        Assert.True(h.IsArmed(TimerKind.TokenRefreshDue));
    }

    [Fact]
    public void A_two_hour_call_on_ten_minute_tokens_never_reconnects()
    {
        var h = JoinedWithToken(TenMinutes);
        var before = h.Checkpoint;
        var end = h.Now + TimeSpan.FromHours(2);

        while (h.Now < end)
        {
            var fetches = h.Since<FetchToken>(before).Count();
            h.AdvanceUntil<FetchToken>(TenMinutes, f => h.Since<FetchToken>(before).Count() > fetches);
            AnswerWithLifetime(h, TenMinutes);
        }

        Assert.InRange(h.Sent<RefreshTokenMessage>(before).Count(), 12, 14);
        Assert.Empty(h.Since<OpenSocket>(before));
        Assert.Empty(h.Since<SocketRetryScheduledNotice>(before));
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
    }

    [Fact]
    public void A_grant_with_no_expiry_is_never_refreshed()
    {
        var h = new EngineHarness(QuietSocket).Join("A", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");
        var before = h.Checkpoint;

        h.Advance(TimeSpan.FromHours(2));

        Assert.False(h.IsArmed(TimerKind.TokenRefreshDue));
        Assert.Empty(h.Since<FetchToken>(before));
    }

    [Fact]
    public void A_failing_refresh_is_retried_with_a_doubling_wait_and_given_up_before_expiry_leaving_the_socket_open()
    {
        var h = JoinedWithToken(TenMinutes);
        var expires = h.Now + TenMinutes;
        var before = h.Checkpoint;

        var lastAttempt = h.Last<FetchToken>().Attempt;
        do
        {
            var fetch = h.AdvanceUntil<FetchToken>(TenMinutes, f => f.Attempt > lastAttempt);
            lastAttempt = fetch.Attempt;
            h.Feed(new TokenFetchFailed(fetch.Attempt, "provider down"));
        }
        while (h.Last<TokenRefreshFailedNotice>().RetryIn is not null);

        var failures = h.Since<TokenRefreshFailedNotice>(before).ToList();
        Assert.Equal([1, 2, 4, 8, 16], failures.Take(5).Select(f => f.RetryIn!.Value.TotalSeconds));
        Assert.Null(failures[^1].RetryIn);
        Assert.All(failures, f => Assert.Equal("provider down", f.Reason));
        Assert.False(h.IsArmed(TimerKind.TokenRefreshDue));
        Assert.Empty(h.Since<OpenSocket>(before));
        Assert.Empty(h.Sent<RefreshTokenMessage>(before));

        h.Advance(expires - h.Now);
        h.DropSocket(CloseCodes.TokenExpired);
        var reconnect = h.AwaitAttempt();
        AnswerWithLifetime(h, TenMinutes);
        h.OpenSocket();
        h.Welcome();

        Assert.True(reconnect.Attempt > failures.Count);
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
    }

    [Fact]
    public void A_refresh_the_provider_does_not_answer_in_time_counts_as_failed_and_its_late_answer_is_ignored()
    {
        var h = JoinedWithToken(TenMinutes);
        var fetch = h.AdvanceUntil<FetchToken>(TenMinutes);
        var asked = h.Checkpoint;

        h.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("the token provider timed out", h.Since<TokenRefreshFailedNotice>(asked).Single().Reason);

        var late = h.Checkpoint;
        h.Feed(new TokenFetched(fetch.Attempt, "late", EngineHarness.DefaultIce, TenMinutes));
        Assert.Empty(h.Sent<RefreshTokenMessage>(late));
        Assert.Single(h.Since<InputIgnoredNotice>(late));
    }

    [Fact]
    public void A_socket_that_drops_during_a_refresh_drops_the_refresh_and_the_reconnect_fetches_its_own_token()
    {
        var h = JoinedWithToken(TenMinutes);
        var refresh = h.AdvanceUntil<FetchToken>(TenMinutes);
        h.DropSocket();
        var reconnect = h.AwaitAttempt();
        var dropped = h.Checkpoint;

        h.Feed(new TokenFetched(refresh.Attempt, "stale refresh", EngineHarness.DefaultIce, TenMinutes));

        Assert.Empty(h.Sent<RefreshTokenMessage>(dropped));
        Assert.Empty(h.Since<OpenSocket>(dropped));
        Assert.False(h.IsArmed(TimerKind.TokenRefreshTimeout));
        Assert.True(reconnect.Attempt > refresh.Attempt);

        AnswerWithLifetime(h, TenMinutes);
        Assert.Equal($"token-{reconnect.Attempt}", h.Last<OpenSocket>().Token);
    }

    [Fact]
    public void The_endpoint_a_grant_names_is_where_the_socket_opens_and_a_grant_without_one_uses_the_configured_endpoint()
    {
        var h = new EngineHarness();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        var edge = new Uri("wss://edge-7.example.test/signal");
        AnswerWithLifetime(h, TenMinutes, edge);
        Assert.Equal(edge, h.Last<OpenSocket>().Route!.Endpoint);
        h.OpenSocket();
        h.Welcome();
        h.AnswerRoster([]);

        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();
        Assert.Null(h.Last<OpenSocket>().Route);
    }

    [Fact]
    public void Two_fresh_tokens_refused_as_expired_are_retried_and_a_third_is_terminal_with_4002()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket(CloseCodes.TokenExpired);
        h.FailNextAttempt(CloseCodes.TokenExpired);
        h.FailNextAttempt(CloseCodes.TokenExpired);
        Assert.Equal(LocalPeerState.Reconnecting, h.Snapshot.Local);
        var before = h.Checkpoint;

        h.FailNextAttempt(CloseCodes.TokenExpired);

        Assert.Equal(LocalPeerState.Closed, h.Snapshot.Local);
        var error = Assert.IsType<TerminalCloseError>(Assert.Single(h.Since<ErrorRaisedNotice>(before)).Error);
        Assert.Equal((4002, "token_expired"), (error.Code, error.CodeName));
    }

    [Fact]
    public void A_welcome_between_expired_token_refusals_starts_the_count_again()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        for (var i = 0; i < 5; i++)
        {
            h.DropSocket(CloseCodes.TokenExpired);
            h.FailNextAttempt(CloseCodes.TokenExpired);
            h.FailNextAttempt(CloseCodes.TokenExpired);
            h.Reconnect(EngineHarness.Peer("B"));
        }

        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Empty(h.All<ErrorRaisedNotice>());
    }
}

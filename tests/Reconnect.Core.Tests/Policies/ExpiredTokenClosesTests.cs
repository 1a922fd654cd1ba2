using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Policies;

/// <summary>Fresh tokens refused as expired in a row: retried with a fresh token until the limit, which is terminal.</summary>
public sealed class ExpiredTokenClosesTests
{
    /// <summary>One event of a socket's life, as this rule sees it.</summary>
    public enum Step
    {
        ExpiredAtConnect,
        ExpiredDuringTheCall,
        OtherCloseAtConnect,
        OtherCloseDuringTheCall,
        Welcome,
    }

    [Property(MaxTest = 300)]
    public Property A_4002_is_terminal_exactly_when_it_is_the_limit_th_refusal_at_connect_since_the_last_welcome(Step[] steps, PositiveInt limitDraw)
    {
        var limit = 1 + (limitDraw.Get % 5);
        var count = 0;
        var refusals = 0;
        foreach (var step in steps)
        {
            if (step == Step.Welcome)
            {
                refusals = 0;
                count = 0;
                continue;
            }

            var expired = step is Step.ExpiredAtConnect or Step.ExpiredDuringTheCall;
            var atConnect = step is Step.ExpiredAtConnect or Step.OtherCloseAtConnect;
            var close = CloseCodePolicy.Classify(expired ? CloseCodes.TokenExpired : CloseCodes.Abnormal);
            (var treated, count) = ExpiredTokenCloses.Count(close, atConnect, count, limit);
            refusals += step == Step.ExpiredAtConnect ? 1 : 0;
            var expectTerminal = step == Step.ExpiredAtConnect && refusals >= limit;
            if (treated.IsTerminal != expectTerminal || treated.Code != close.Code || treated.Name != close.Name)
            {
                return false.Label($"limit {limit}, steps [{string.Join(", ", steps)}]: {close.Name} treated as {treated.Disposition} after {refusals} refusals");
            }
        }

        return true.ToProperty();
    }

    [Fact]
    public void Two_fresh_tokens_refused_as_expired_are_retried_and_a_third_is_terminal()
    {
        var expired = CloseCodePolicy.Classify(CloseCodes.TokenExpired);

        var (first, one) = ExpiredTokenCloses.Count(expired, refusedAtConnect: true, 0, 3);
        var (second, two) = ExpiredTokenCloses.Count(expired, refusedAtConnect: true, one, 3);
        var (third, three) = ExpiredTokenCloses.Count(expired, refusedAtConnect: true, two, 3);

        Assert.Equal(CloseDisposition.RetryWithFreshToken, first.Disposition);
        Assert.Equal(CloseDisposition.RetryWithFreshToken, second.Disposition);
        Assert.Equal(CloseDisposition.Terminal, third.Disposition);
        Assert.Equal(("token_expired", 4002, 3), (third.Name, third.Code, three));
    }

    [Fact]
    public void A_token_expiring_during_the_call_and_other_closes_neither_count_nor_break_the_run()
    {
        var abnormal = CloseCodePolicy.Classify(CloseCodes.Abnormal);
        var expired = CloseCodePolicy.Classify(CloseCodes.TokenExpired);

        Assert.Equal((abnormal, 2), ExpiredTokenCloses.Count(abnormal, refusedAtConnect: true, 2, 3));
        Assert.Equal((expired, 2), ExpiredTokenCloses.Count(expired, refusedAtConnect: false, 2, 3));
    }
}

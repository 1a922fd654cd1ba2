using Reconnect.Core.Policies;
using Reconnect.Core.Time;

namespace Reconnect.Core.Tests.Policies;

public sealed class RetryNowLimitTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    [Fact]
    public void The_first_press_is_taken_at_once()
    {
        Assert.Equal(TimeSpan.Zero, RetryNowLimit.AvailableIn(Instant.FromMilliseconds(42), null, Interval));
    }

    [Fact]
    public void A_press_is_taken_the_min_interval_after_the_last_taken_and_not_before()
    {
        var last = Instant.FromMilliseconds(10_000);

        Assert.Equal(last + Interval, RetryNowLimit.NextAllowed(last, Interval));
        Assert.Equal(TimeSpan.FromMilliseconds(1), RetryNowLimit.AvailableIn(Instant.FromMilliseconds(14_999), last, Interval));
        Assert.Equal(TimeSpan.Zero, RetryNowLimit.AvailableIn(Instant.FromMilliseconds(15_000), last, Interval));
    }
}

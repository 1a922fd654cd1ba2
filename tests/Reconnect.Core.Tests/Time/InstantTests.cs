using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Core.Time;

namespace Reconnect.Core.Tests.Time;

[Properties(Arbitrary = [typeof(InstantArbitraries)])]
public sealed class InstantTests
{

    [Fact]
    public void Zero_is_the_origin_and_never_is_the_latest_instant()
    {
        Assert.Equal(TimeSpan.Zero, Instant.Zero.SinceOrigin);
        Assert.Equal(TimeSpan.MaxValue, Instant.Never.SinceOrigin);
        Assert.Equal("never", Instant.Never.ToString());
        Assert.Equal("1500ms", Instant.FromMilliseconds(1_500).ToString());
    }

    [Fact]
    public void Adding_a_duration_moves_the_instant_later_by_that_much()
    {
        var at = Instant.FromMilliseconds(1_000) + TimeSpan.FromMilliseconds(250);

        Assert.Equal(Instant.FromMilliseconds(1_250), at);
        Assert.Equal(1_250, at.TotalMilliseconds);
        Assert.Equal(TimeSpan.FromMilliseconds(250), at - Instant.FromMilliseconds(1_000));
        Assert.Equal(TimeSpan.FromMilliseconds(-250), Instant.FromMilliseconds(1_000) - at);
    }

    [Property]
    public Property Adding_then_subtracting_gives_back_the_duration_unless_it_saturates(Instant at, NonNegativeDuration duration)
    {
        var by = duration.Value;
        var later = at + by;
        var fits = at != Instant.Never && at.SinceOrigin.Ticks <= TimeSpan.MaxValue.Ticks - by.Ticks - 1;
        var ok = fits ? later - at == by && later >= at : later == Instant.Never;
        return ok.Label($"at={at.SinceOrigin.Ticks} ticks by={by.Ticks} ticks later={later.SinceOrigin.Ticks} ticks");
    }

    [Fact]
    public void Adding_to_never_stays_never()
    {
        Assert.Equal(Instant.Never, Instant.Never + TimeSpan.Zero);
        Assert.Equal(Instant.Never, Instant.Never + TimeSpan.FromSeconds(1));
        Assert.Equal(Instant.Never, Instant.Never + TimeSpan.FromSeconds(-1));
    }

    [Fact]
    public void Adding_past_the_end_saturates_at_never()
    {
        Assert.Equal(Instant.Never, Instant.FromMilliseconds(1) + TimeSpan.MaxValue);
        Assert.Equal(Instant.Never, new Instant(TimeSpan.MaxValue - TimeSpan.FromTicks(5)) + TimeSpan.FromTicks(5));
        Assert.Equal(Instant.Never, new Instant(TimeSpan.MaxValue - TimeSpan.FromTicks(5)) + TimeSpan.FromTicks(6));
        Assert.Equal(new Instant(TimeSpan.MaxValue - TimeSpan.FromTicks(1)), new Instant(TimeSpan.MaxValue - TimeSpan.FromTicks(5)) + TimeSpan.FromTicks(4));
    }

    [Property]
    public Property The_comparison_operators_agree_with_compare_to_and_the_durations(Instant a, Instant b)
    {
        var order = a.SinceOrigin.CompareTo(b.SinceOrigin);
        var ok = Math.Sign(a.CompareTo(b)) == Math.Sign(order)
            && (a < b) == (order < 0)
            && (a > b) == (order > 0)
            && (a <= b) == (order <= 0)
            && (a >= b) == (order >= 0)
            && (a == b) == (order == 0)
            && Instant.Max(a, b).SinceOrigin == (order >= 0 ? a : b).SinceOrigin
            && Instant.Min(a, b).SinceOrigin == (order <= 0 ? a : b).SinceOrigin;
        return ok.Label($"a={a.SinceOrigin.Ticks} ticks b={b.SinceOrigin.Ticks} ticks");
    }

    [Property]
    public Property Every_instant_sorts_no_later_than_never(Instant at) =>
        (at <= Instant.Never && Instant.Max(at, Instant.Never) == Instant.Never).Label($"at={at.SinceOrigin.Ticks} ticks");

    [Fact]
    public void Instants_sort_by_time_since_origin()
    {
        Instant[] shuffled = [Instant.Never, Instant.FromMilliseconds(20), Instant.Zero, Instant.FromMilliseconds(5)];

        Assert.Equal(
            [Instant.Zero, Instant.FromMilliseconds(5), Instant.FromMilliseconds(20), Instant.Never],
            shuffled.Order());
    }

    [Fact]
    public void Total_milliseconds_truncates_to_whole_milliseconds()
    {
        Assert.Equal(2, Instant.FromMilliseconds(2.9).TotalMilliseconds);
        Assert.Equal(0, new Instant(TimeSpan.FromTicks(9_999)).TotalMilliseconds);
    }
}

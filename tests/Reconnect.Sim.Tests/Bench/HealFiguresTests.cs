using FsCheck;
using FsCheck.Xunit;
using Reconnect.Testing.Bench;

namespace Reconnect.Sim.Tests.Bench;

public sealed class HealFiguresTests
{
    [Property(MaxTest = 300)]
    public void Healed_counts_the_runs_with_a_time_and_max_is_the_slowest_or_never_when_any_run_never_healed(NonEmptyArray<int?> draws)
    {
        var runs = Runs(draws);

        var figures = HealFigures.Of(runs);

        var healed = runs.Where(r => r is not null).Select(r => r!.Value).ToList();
        Assert.Equal((runs.Count, healed.Count), (figures.Runs, figures.Healed));
        Assert.Equal(healed.Count == runs.Count ? healed.Max() : null, figures.Max);
    }

    [Property(MaxTest = 300)]
    public void P50_is_the_smallest_time_with_at_least_half_the_runs_at_or_below_it_and_never_when_more_than_half_never_healed(NonEmptyArray<int?> draws)
    {
        var runs = Runs(draws);

        var figures = HealFigures.Of(runs);

        var never = runs.Count(r => r is null);
        if (2 * (runs.Count - never) < runs.Count)
        {
            Assert.Null(figures.P50);
            return;
        }

        var p50 = Assert.NotNull(figures.P50);
        Assert.Contains(p50, runs.Where(r => r is not null).Select(r => r!.Value));
        Assert.True(2 * runs.Count(r => r <= p50) >= runs.Count, $"{p50} over {string.Join(", ", runs)}");
        Assert.True(2 * runs.Count(r => r < p50) < runs.Count, $"{p50} over {string.Join(", ", runs)}");
    }

    [Fact]
    public void Five_runs_give_the_third_fastest_as_p50_and_one_run_that_never_healed_makes_max_never()
    {
        TimeSpan? S(double seconds) => TimeSpan.FromSeconds(seconds);

        Assert.Equal(new HealFigures(5, 5, S(3), S(9)), HealFigures.Of([S(9), S(1), S(3), S(2), S(4)]));
        Assert.Equal(new HealFigures(5, 4, S(3), null), HealFigures.Of([null, S(1), S(3), S(2), S(4)]));
        Assert.Equal(new HealFigures(5, 2, null, null), HealFigures.Of([null, S(1), null, null, S(4)]));
        Assert.Throws<ArgumentException>(() => HealFigures.Of([]));
    }

    /// <summary>Runs from drawn tenths of a second (negative draws are runs that never healed).</summary>
    private static List<TimeSpan?> Runs(NonEmptyArray<int?> draws) =>
        [.. draws.Get.Select(d => d is { } n && n >= 0 ? TimeSpan.FromMilliseconds(100 * n) : (TimeSpan?)null)];
}

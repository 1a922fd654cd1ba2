using Reconnect.Testing.Exploration;
using Reconnect.Sim.Tests.Time;

namespace Reconnect.Sim.Tests.Exploration;

public sealed class RandomExplorationTests
{
    [Fact]
    public void Random_two_peer_two_fault_schedules_heal_without_violations()
    {
        var result = new Explorer().RunRandom(peers: 2, faults: 2, schedules: 30, seed: 0x5EED);

        Assert.Equal(30, result.Schedules);
        Assert.True(result.Passed, FailureMessage.Of(result));
    }

    [Fact]
    public void The_same_seed_and_index_draw_the_same_case()
    {
        var first = Explorer.Generate(3, 3, 0xABCD, 17);
        var again = Explorer.Generate(3, 3, 0xABCD, 17);
        var other = Explorer.Generate(3, 3, 0xABCD, 18);

        Assert.Equal(first, again);
        Assert.Equal(first.ToString(), again.ToString());
        Assert.NotEqual(first.Seed, other.Seed);
    }

    [Fact]
    public void Wall_budget_stops_before_the_next_schedule()
    {
        var clock = new SteppingClock(TimeSpan.FromSeconds(1));

        var result = new Explorer(wallClock: clock).RunRandom(2, 1, schedules: 100, seed: 1, wallBudget: TimeSpan.FromSeconds(2.5));

        Assert.True(result.StoppedByBudget);
        Assert.InRange(result.Schedules, 1, 3);
    }

    [Fact]
    public void Progress_is_reported_after_every_schedule()
    {
        var reports = new List<ExploreProgress>();

        var result = new Explorer().RunRandom(2, 1, schedules: 3, seed: 9, progress: new ListProgress(reports));

        Assert.Equal([1, 2, 3], reports.Select(r => r.Schedules));
        Assert.All(reports, r => Assert.Equal(3, r.TotalSchedules));
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.Equal(result.Runs, reports[^1].Runs);
    }

    /// <summary>Collects progress reports synchronously, in order.</summary>
    private sealed class ListProgress(List<ExploreProgress> reports) : IProgress<ExploreProgress>
    {
        public void Report(ExploreProgress value) => reports.Add(value);
    }
}

using System.Diagnostics;
using Reconnect.Sim.Exploration;
using Reconnect.Sim.Scenarios;
using Reconnect.Sim.World;

namespace Reconnect.Sim.Bench;

/// <summary>Measures the simulator's own speed in wall time: steady rooms, and generated 2-peer schedules explored per minute.</summary>
public static class SimSpeed
{
    /// <summary>Faults per generated schedule.</summary>
    public const int FaultsPerSchedule = FaultOrders.MaxFaults;

    private const int SchedulePeers = 2;
    private const ulong ExplorationSeed = 1;

    /// <summary>Measures a 2-peer room, a 50-peer room and the schedule rate, one after the other.</summary>
    public static SimSpeedReport Measure(SimSpeedSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var two = VirtualSecondsPerWallSecond(2, settings.VirtualRun);
        var fifty = VirtualSecondsPerWallSecond(50, settings.VirtualRun);
        var workers = Environment.ProcessorCount;
        var perMinute = SchedulesPerMinute(settings.ExplorationBudget, workers);
        return new SimSpeedReport(two, fifty, perMinute, workers, $"generated {SchedulePeers}-peer schedules, {FaultsPerSchedule} faults each");
    }

    /// <summary>Runs a steady call of <paramref name="peers"/> peers, each publishing a camera, for a stretch of virtual time.</summary>
    public static double VirtualSecondsPerWallSecond(int peers, TimeSpan virtualRun)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(peers, 1);
        var scenario = new Scenario
        {
            Name = $"bench-steady-{peers}",
            DurationMs = (int)virtualRun.TotalMilliseconds,
            Peers = [.. Enumerable.Range(1, peers).Select(i => new PeerSpec
            {
                Name = $"P{i:00}",
                Channel = "steady-room",
                Streams = [new StreamSpec { Id = $"cam{i:00}" }],
            })],
        };
        var world = new SimWorld(scenario, 1);
        var wall = Stopwatch.StartNew();
        world.Run();
        wall.Stop();
        return world.Time.Elapsed.TotalSeconds / wall.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Explores generated 2-peer schedules (the explorer's generator, its healing check on each run through
    /// <see cref="SimWorld"/>) on <paramref name="workers"/> threads until the budget is spent, and extrapolates
    /// to schedules per minute.
    /// </summary>
    public static double SchedulesPerMinute(TimeSpan budget, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var explored = new int[workers];
        var wall = Stopwatch.StartNew();
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var explorer = new Explorer();
            for (var k = 0; wall.Elapsed < budget; k++)
            {
                explorer.Check(Explorer.Generate(SchedulePeers, FaultsPerSchedule, ExplorationSeed, (k * workers) + worker));
                explored[worker]++;
            }
        });
        wall.Stop();
        return explored.Sum() / wall.Elapsed.TotalMinutes;
    }
}

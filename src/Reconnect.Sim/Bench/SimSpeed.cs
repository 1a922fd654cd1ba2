using System.Diagnostics;
using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Bench;

/// <summary>Measures the simulator's own speed in wall time: steady rooms, and generated 2-peer schedules explored per minute.</summary>
internal static class SimSpeed
{
    /// <summary>Faults per generated schedule.</summary>
    public const int FaultsPerSchedule = FaultOrders.MaxFaults;

    private const int SchedulePeers = 2;
    private const ulong ExplorationSeed = 1;

    /// <summary>Times each steady room, then the schedule rate, one after the other.</summary>
    public static SimSpeedReport Measure(SimSpeedSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rooms = settings.Rooms.Select(Room).ToList();
        var workers = Environment.ProcessorCount;
        var perMinute = SchedulesPerMinute(settings.ExplorationBudget, workers);
        return new SimSpeedReport(rooms, perMinute, workers, $"generated {SchedulePeers}-peer schedules, {FaultsPerSchedule} faults each");
    }

    /// <summary>
    /// Runs a call of the room's peers, each publishing a camera, through <see cref="SimWorld"/> (invariants checked
    /// after every step) and times the measured stretch that follows the warm-up.
    /// </summary>
    public static RoomSpeed Room(RoomRun room)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentOutOfRangeException.ThrowIfLessThan(room.Peers, 1);
        var scenario = new Scenario
        {
            Name = $"bench-steady-{room.Peers}",
            DurationMs = (int)(room.Warmup + room.Measured).TotalMilliseconds,
            Peers = [.. Enumerable.Range(1, room.Peers).Select(i => new PeerSpec
            {
                Name = $"P{i:00}",
                Channel = "steady-room",
                Streams = [new StreamSpec { Id = $"cam{i:00}" }],
            })],
        };
        var world = new SimWorld(scenario, 1);
        var wall = new Stopwatch();
        world.Time.Schedule(room.Warmup, wall.Start, "bench: the measured stretch starts");
        var result = world.Run();
        wall.Stop();
        var healedAt = result.Trace.Where(TraceEventKind.Heal).FirstOrDefault()?.T;
        return new RoomSpeed(
            room,
            (world.Time.Elapsed - room.Warmup).TotalSeconds / wall.Elapsed.TotalSeconds,
            healedAt is { } t && t <= (long)room.Warmup.TotalMilliseconds);
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

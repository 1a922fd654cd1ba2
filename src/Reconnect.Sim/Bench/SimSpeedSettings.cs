namespace Reconnect.Sim.Bench;

/// <summary>How the simulator's speed is measured.</summary>
/// <param name="Rooms">The steady rooms to time, in order.</param>
/// <param name="ExplorationBudget">How much wall time generated schedules are explored for, to extrapolate schedules per minute.</param>
internal sealed record SimSpeedSettings(IReadOnlyList<RoomRun> Rooms, TimeSpan ExplorationBudget)
{
    /// <summary>
    /// A 2-peer room (10 s warm-up, 60 s measured), a 50-peer room (3 s warm-up, 3 s measured: it runs far
    /// slower than real time, and its call has healed by 2.1 s) and 10 s of schedules.
    /// </summary>
    public static SimSpeedSettings Full { get; } = new(
        [new RoomRun(2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60)), new RoomRun(50, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3))],
        TimeSpan.FromSeconds(10));

    /// <summary>A 2-peer and a 5-peer room, 5 s of warm-up and 5 s measured each, and 1 s of schedules.</summary>
    public static SimSpeedSettings Quick { get; } = new(
        [new RoomRun(2, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)), new RoomRun(5, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5))],
        TimeSpan.FromSeconds(1));
}

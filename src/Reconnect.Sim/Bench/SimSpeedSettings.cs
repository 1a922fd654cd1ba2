namespace Reconnect.Sim.Bench;

/// <summary>How the simulator's speed is measured.</summary>
/// <param name="RoomSizes">The steady rooms to time, by number of peers.</param>
/// <param name="Warmup">Virtual time each room runs first, unmeasured, so every peer has joined and the call is steady.</param>
/// <param name="VirtualRun">Virtual time each room then runs, measured.</param>
/// <param name="ExplorationBudget">How much wall time generated schedules are explored for, to extrapolate schedules per minute.</param>
public sealed record SimSpeedSettings(IReadOnlyList<int> RoomSizes, TimeSpan Warmup, TimeSpan VirtualRun, TimeSpan ExplorationBudget)
{
    /// <summary>A 2-peer and a 50-peer room, 10 s of warm-up and 60 s measured each, and 10 s of schedules.</summary>
    public static SimSpeedSettings Full { get; } = new([2, 50], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10));

    /// <summary>A 2-peer and a 5-peer room, 5 s of warm-up and 5 s measured each, and 1 s of schedules.</summary>
    public static SimSpeedSettings Quick { get; } = new([2, 5], TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));
}

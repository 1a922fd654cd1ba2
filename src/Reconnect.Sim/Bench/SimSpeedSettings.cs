namespace Reconnect.Sim.Bench;

/// <summary>How long the simulator's speed is measured.</summary>
/// <param name="VirtualRun">How much virtual time each steady room runs.</param>
/// <param name="ExplorationBudget">How much wall time seeded schedules are run for, to extrapolate schedules per minute.</param>
public sealed record SimSpeedSettings(TimeSpan VirtualRun, TimeSpan ExplorationBudget)
{
    /// <summary>60 s of virtual time per room and 10 s of schedules.</summary>
    public static SimSpeedSettings Full { get; } = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10));

    /// <summary>2 s of virtual time per room and 1 s of schedules.</summary>
    public static SimSpeedSettings Quick { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
}

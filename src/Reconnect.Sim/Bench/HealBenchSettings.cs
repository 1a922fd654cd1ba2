using Reconnect.Sim.Scenarios;

namespace Reconnect.Sim.Bench;

/// <summary>What the heal bench runs.</summary>
/// <param name="Seeds">How many seeds per cell and policy (seeds 1 to this).</param>
/// <param name="OutagesSeconds">The outage lengths, in seconds, in table order.</param>
/// <param name="Speed">How to measure the simulator's own speed; null skips it.</param>
/// <param name="Fault">The fault timed, one of <see cref="HealScenario.Faults"/>: A offline by default.</param>
public sealed record HealBenchSettings(int Seeds, IReadOnlyList<int> OutagesSeconds, SimSpeedSettings? Speed, FaultKind Fault = FaultKind.Offline)
{
    /// <summary>The most seeds per cell and policy.</summary>
    public const int MaxSeeds = 10_000;

    /// <summary>The longest outage, in seconds: an hour.</summary>
    public const int MaxOutageSeconds = 3_600;

    /// <summary>The outage lengths of a full run: 1, 5, 15, 30, 60 and 120 s.</summary>
    public static IReadOnlyList<int> AllOutagesSeconds { get; } = [1, 5, 15, 30, 60, 120];

    /// <summary>The seeds per cell of a full run.</summary>
    public const int DefaultSeeds = 200;

    /// <summary>The seeds per cell of a quick run.</summary>
    public const int QuickSeeds = 5;

    /// <summary>A full run: 200 seeds per cell, every outage length, the full speed measurement.</summary>
    public static HealBenchSettings Full { get; } = new(DefaultSeeds, AllOutagesSeconds, SimSpeedSettings.Full);

    /// <summary>A quick run for tests: 5 seeds per cell, every outage length, a short speed measurement.</summary>
    public static HealBenchSettings Quick { get; } = new(QuickSeeds, AllOutagesSeconds, SimSpeedSettings.Quick);

    /// <summary>Every cell in table order: by outage length, the signal row first.</summary>
    public IReadOnlyList<HealCell> Cells =>
        [.. OutagesSeconds.SelectMany(outage => new[] { new HealCell(outage, true), new HealCell(outage, false) })];
}

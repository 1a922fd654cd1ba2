namespace Reconnect.Sim.Bench;

/// <summary>What the heal bench runs.</summary>
/// <param name="Seeds">How many seeds per cell and policy (seeds 1 to this).</param>
/// <param name="Kinds">The outage kinds, in table order.</param>
/// <param name="OutagesSeconds">The outage lengths, in seconds, in table order within a kind.</param>
/// <param name="Speed">How to measure the simulator's own speed; null skips it.</param>
internal sealed record HealBenchSettings(int Seeds, IReadOnlyList<OutageKind> Kinds, IReadOnlyList<int> OutagesSeconds, SimSpeedSettings? Speed)
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

    /// <summary>A full run: 200 seeds per cell, every kind and outage length, the full speed measurement.</summary>
    public static HealBenchSettings Full { get; } = new(DefaultSeeds, OutageKinds.All, AllOutagesSeconds, SimSpeedSettings.Full);

    /// <summary>A quick run for tests: 5 seeds per cell, every kind and outage length, a short speed measurement.</summary>
    public static HealBenchSettings Quick { get; } = new(QuickSeeds, OutageKinds.All, AllOutagesSeconds, SimSpeedSettings.Quick);

    /// <summary>
    /// Every cell in table order: by kind, then outage length (one row, at the first length, for a kind without one),
    /// the signal row first where the kind has a signal.
    /// </summary>
    public IReadOnlyList<HealCell> Cells =>
    [
        .. from kind in Kinds
           from outage in kind.HasLength() ? OutagesSeconds : OutagesSeconds.Take(1)
           from signal in kind.HasNetworkSignal() ? new[] { true, false } : [false]
           select new HealCell(kind, outage, signal),
    ];
}

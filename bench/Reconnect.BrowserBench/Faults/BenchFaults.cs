namespace Reconnect.BrowserBench.Faults;

/// <summary>The bench's faults, in table order; each run gets a fresh instance (a fault may keep what it set up for its call).</summary>
internal static class BenchFaults
{
    private static readonly Func<BenchFault>[] Factories =
    [
        () => new SignallingCut(),
        () => new MediaPathDies(),
        () => new OfflineStall(),
        () => new BothPlanesDie(BothPlanesDie.WithinGrace),
        () => new BothPlanesDie(BothPlanesDie.PastGrace),
    ];

    /// <summary>Every fault's name, in table order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Factories.Select(create => create().Name)];

    /// <summary>A fresh instance of the fault named <paramref name="name"/>.</summary>
    public static BenchFault Create(string name) =>
        Factories.Select(create => create()).FirstOrDefault(f => f.Name == name)
        ?? throw new ArgumentOutOfRangeException(nameof(name), name, $"Unknown fault; known: {string.Join(", ", Names)}.");
}

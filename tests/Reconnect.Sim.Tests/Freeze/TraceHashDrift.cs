namespace Reconnect.Sim.Tests.Freeze;

/// <summary>
/// One key whose frozen hash and current hash differ: changed (both set), new (<see cref="Frozen"/> null: the run is
/// not in the golden file) or gone (<see cref="Now"/> null: the golden file has a key no run has any more).
/// </summary>
/// <param name="Key">The key.</param>
/// <param name="Frozen">The hash in the golden file.</param>
/// <param name="Now">The hash of the run now.</param>
internal sealed record TraceHashDrift(string Key, string? Frozen, string? Now)
{
    /// <summary>Every key whose hash differs between <paramref name="frozen"/> and <paramref name="now"/>, sorted by key.</summary>
    public static IReadOnlyList<TraceHashDrift> Between(IReadOnlyDictionary<string, string> frozen, IReadOnlyDictionary<string, string> now) =>
        [.. frozen.Keys.Union(now.Keys)
            .Order(StringComparer.Ordinal)
            .Select(key => new TraceHashDrift(key, frozen.GetValueOrDefault(key), now.GetValueOrDefault(key)))
            .Where(drift => drift.Frozen != drift.Now)];

    public string Kind => (Frozen, Now) switch
    {
        (null, _) => "new",
        (_, null) => "gone",
        _ => "changed",
    };
}

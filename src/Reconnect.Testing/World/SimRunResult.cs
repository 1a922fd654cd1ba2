using Reconnect.Testing.Trace;

namespace Reconnect.Testing.World;

/// <summary>What one simulation run produced.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Seed">The seed that replays it.</param>
/// <param name="Trace">Every event, in order.</param>
/// <param name="Violations">Invariant violations, each naming the invariant, the seed and the virtual time.</param>
/// <param name="Healed">True when the liveness phase converged within the bound.</param>
/// <param name="HealedAtMs">When it converged, in virtual ms, if it did.</param>
/// <param name="LivenessStartMs">When the liveness phase began (faults stopped, world healed).</param>
/// <param name="Pending">What was still pending when the bound ran out.</param>
/// <param name="Coverage">The union of every peer engine's coverage marks.</param>
/// <param name="Misses">Where the run missed the scenario's own expectations.</param>
public sealed record SimRunResult(
    string Scenario,
    ulong Seed,
    TraceWriter Trace,
    IReadOnlyList<string> Violations,
    bool Healed,
    long? HealedAtMs,
    long LivenessStartMs,
    IReadOnlyList<string> Pending,
    IReadOnlyDictionary<string, long> Coverage,
    IReadOnlyList<string> Misses)
{
    /// <summary>True when no invariant broke, the expectations held, and the call healed (or was not expected to).</summary>
    public bool Passed(bool healExpected) => Violations.Count == 0 && Misses.Count == 0 && (Healed || !healExpected);
}

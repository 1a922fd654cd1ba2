using Reconnect.BrowserBench.Faults;
using Reconnect.Testing.Bench;

namespace Reconnect.BrowserBench;

/// <summary>What one bench run does: which faults, under which policies, how many runs of each, and how long a heal may take.</summary>
/// <param name="Runs">Runs per fault and policy.</param>
/// <param name="Faults">The faults, by name (see <see cref="BenchFaults.Names"/>), in table order.</param>
/// <param name="Policies">The page policies (<c>reconnect</c>, <c>baseline</c>).</param>
/// <param name="Cap">How long after the fault's removal a run may take to heal before it counts as never healed.</param>
/// <param name="Json">A file to write every run's figures to as JSON, or null.</param>
internal sealed record BrowserBenchSettings(int Runs, IReadOnlyList<string> Faults, IReadOnlyList<string> Policies, TimeSpan Cap, string? Json)
{
    /// <summary>The policies the page knows, in table order.</summary>
    public static IReadOnlyList<string> KnownPolicies { get; } = ["reconnect", BaselinePolicy.Name];

    /// <summary>Throws when a setting is out of range or names an unknown fault or policy.</summary>
    public BrowserBenchSettings Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Runs, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Runs, 100);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Cap, TimeSpan.Zero);
        if (Faults.Count == 0 || Faults.Any(f => !BenchFaults.Names.Contains(f)))
        {
            throw new ArgumentOutOfRangeException(nameof(Faults), string.Join(",", Faults), $"Faults are a comma-separated subset of {string.Join(",", BenchFaults.Names)}.");
        }

        if (Policies.Count == 0 || Policies.Any(p => !KnownPolicies.Contains(p)))
        {
            throw new ArgumentOutOfRangeException(nameof(Policies), string.Join(",", Policies), $"Policies are a comma-separated subset of {string.Join(",", KnownPolicies)}.");
        }

        return this;
    }
}

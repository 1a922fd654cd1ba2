using Reconnect.Sim.Scenarios;
using Reconnect.Sim.Trace;
using Reconnect.Sim.World;

namespace Reconnect.Sim.Bench;

/// <summary>What one heal bench run measured.</summary>
/// <param name="Seed">The seed that replays the run.</param>
/// <param name="HealMs">Virtual milliseconds from the end of the outage to the first heal after it; null when it never healed.</param>
/// <param name="Violations">How many invariant violations the run reported.</param>
public sealed record HealSample(ulong Seed, long? HealMs, int Violations)
{
    /// <summary>The time to heal in milliseconds, infinity when the call never healed (so it ranks slowest).</summary>
    public double HealMsOrInfinity => HealMs is { } ms ? ms : double.PositiveInfinity;

    /// <summary>Runs one policy on one cell with one seed in a fresh <see cref="SimWorld"/> and measures the time to heal after the fault.</summary>
    public static HealSample Measure(HealPolicy policy, HealCell cell, ulong seed, FaultKind fault = FaultKind.Offline)
    {
        var result = new SimWorld(HealScenario.For(policy, cell, fault), seed).Run();
        long end = HealScenario.OutageEndMs(cell);
        var heal = result.Trace.Events.FirstOrDefault(e =>
            e.T >= end
            && string.Equals(e.Event, TraceEventKind.Heal, StringComparison.Ordinal)
            && string.Equals(e.Peer, TraceEvent.WorldPeer, StringComparison.Ordinal));
        return new HealSample(seed, heal is null ? null : heal.T - end, result.Violations.Count);
    }
}

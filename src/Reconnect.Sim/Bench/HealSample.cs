using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Bench;

/// <summary>What one heal bench run measured.</summary>
/// <param name="Seed">The seed that replays the run.</param>
/// <param name="HealMs">
/// Virtual milliseconds from the end of the outage (the onset of one without a length) to the first heal after it;
/// null when it never healed.
/// </param>
/// <param name="Violations">How many invariant violations the run reported.</param>
/// <param name="AttemptsPerClientMinute">
/// Signalling connection attempts that reached the server from the peers the outage cut off, from the outage's
/// start to the heal (or the run's end), per such peer and per minute of outage: the load a storm puts on a server.
/// </param>
internal sealed record HealSample(ulong Seed, long? HealMs, int Violations, double AttemptsPerClientMinute)
{
    /// <summary>The time to heal in milliseconds, infinity when the call never healed (so it ranks slowest).</summary>
    public double HealMsOrInfinity => HealMs is { } ms ? ms : double.PositiveInfinity;

    /// <summary>Runs one policy on one cell with one seed in a fresh <see cref="SimWorld"/> and measures the time to heal and the attempts.</summary>
    public static HealSample Measure(HealPolicy policy, HealCell cell, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var world = new SimWorld(HealScenario.For(policy, cell), seed);
        var affected = HealScenario.AffectedPeers(cell.Kind);
        var attempts = new List<long>();
        world.Server.ConnectionAttempted += (_, host) =>
        {
            if (affected.Contains(host, StringComparer.Ordinal))
            {
                attempts.Add((long)world.Time.Elapsed.TotalMilliseconds);
            }
        };
        var result = world.Run();
        long end = HealScenario.MeasuredFromMs(cell);
        var heal = result.Trace.Events.FirstOrDefault(e =>
            e.T >= end
            && string.Equals(e.Event, TraceEventKind.Heal, StringComparison.Ordinal)
            && string.Equals(e.Peer, TraceEvent.WorldPeer, StringComparison.Ordinal));
        var until = heal?.T ?? long.MaxValue;
        var counted = attempts.Count(t => t >= HealScenario.OutageStartMs && t <= until);
        var perClientMinute = counted / (double)affected.Count / (cell.OutageSeconds / 60.0);
        return new HealSample(seed, heal is null ? null : heal.T - end, result.Violations.Count, perClientMinute);
    }
}

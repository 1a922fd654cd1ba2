using System.Globalization;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Sim.Scenarios;
using Reconnect.Sim.Trace;
using Reconnect.Sim.World;

namespace Reconnect.Sim.Checkers;

/// <summary>Checks a finished run against its scenario's own expectations, on top of the universal invariants.</summary>
public static class ExpectationChecker
{
    /// <summary>Every way the run missed the scenario's expectations; empty when it met them.</summary>
    public static IReadOnlyList<string> Check(Scenario scenario, SimRunResult result, IReadOnlyList<SimPeer> peers)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(peers);
        var expect = scenario.Expect ?? new ScenarioExpectations();
        var misses = new List<string>();
        var seed = string.Create(CultureInfo.InvariantCulture, $"SEED=0x{result.Seed:x}");
        var events = result.Trace.Events;
        var peerLeft = events.Count(e => e.Event == TraceEventKind.PeerLeft);
        if (expect.MinPeerLeft is { } min && peerLeft < min)
        {
            misses.Add($"{seed}: expected at least {min} peer-left, got {peerLeft}");
        }

        if (expect.MaxPeerLeft is { } max && peerLeft > max)
        {
            misses.Add($"{seed}: expected at most {max} peer-left, got {peerLeft}");
        }

        var errors = events.Where(e => e.Event == TraceEventKind.Error && e.Reason is not null).Select(e => e.Reason!).ToHashSet(StringComparer.Ordinal);
        Compare(misses, seed, "error kinds", expect.Errors, errors);
        var closed = peers.Where(p => p.Engine.Snapshot.Local == LocalPeerState.Closed).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Compare(misses, seed, "closed peers", expect.ClosedPeers, closed);
        var evicted = events.Where(e => e.Event == TraceEventKind.Error && e.Reason == nameof(Core.Engine.EvictedError)).Select(e => e.Peer).ToHashSet(StringComparer.Ordinal);
        Compare(misses, seed, "evicted peers", expect.EvictedPeers, evicted);
        return misses;
    }

    private static void Compare(List<string> misses, string seed, string what, IReadOnlyList<string> expected, HashSet<string> actual)
    {
        if (!actual.SetEquals(expected))
        {
            misses.Add($"{seed}: expected {what} [{string.Join(", ", expected.Order(StringComparer.Ordinal))}], got [{string.Join(", ", actual.Order(StringComparer.Ordinal))}]");
        }
    }
}

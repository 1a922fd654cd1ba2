using System.Globalization;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Testing.Checkers;

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
        if (expect.Healed)
        {
            misses.AddRange(UnhealedFaults(result));
        }
        else if (result.Healed)
        {
            misses.Add(string.Create(CultureInfo.InvariantCulture, $"{seed}: expected the call not to heal, but it healed at {TraceTime.Seconds(result.HealedAtMs ?? 0)}s"));
        }

        var peerLeft = events.Count(e => e.Event == TraceEventKind.PeerLeft);
        if (expect.MinPeerLeft is { } min && peerLeft < min)
        {
            misses.Add($"{seed}: expected at least {min} peer-left, got {peerLeft}");
        }

        if (expect.MaxPeerLeft is { } max && peerLeft > max)
        {
            misses.Add($"{seed}: expected at most {max} peer-left, got {peerLeft}");
        }

        CheckCounts(misses, seed, TraceEventKind.PeerJoined, expect.PeerJoined, events);
        CheckCounts(misses, seed, TraceEventKind.PeerLeft, expect.PeerLeft, events);
        var errors = events.Where(e => e.Event == TraceEventKind.Error && e.Reason is not null).Select(e => e.Reason!).ToHashSet(StringComparer.Ordinal);
        Compare(misses, seed, "error kinds", expect.Errors, errors);
        var closed = peers.Where(p => p.Engine.Snapshot.Local == LocalPeerState.Closed).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Compare(misses, seed, "closed peers", expect.ClosedPeers, closed);
        var evicted = events.Where(e => e.Event == TraceEventKind.Error && e.Reason == nameof(EvictedError)).Select(e => e.Peer).ToHashSet(StringComparer.Ordinal);
        Compare(misses, seed, "evicted peers", expect.EvictedPeers, evicted);
        if (expect.TerminalErrorCode is { } code)
        {
            var codes = events.Where(e => e.Event == TraceEventKind.Error && e.Reason == nameof(TerminalCloseError) && e.Code is not null)
                .Select(e => e.Code!.Value)
                .Distinct()
                .Order()
                .ToList();
            if (!codes.Contains(code))
            {
                misses.Add(string.Create(CultureInfo.InvariantCulture, $"{seed}: expected a TerminalCloseError with code {code}, got codes [{string.Join(", ", codes)}]"));
            }
        }

        return misses;
    }

    /// <summary>
    /// Every fault with a duration after whose end the call never converged (no heal at or after its end): a
    /// scenario fault that never healed fails the run even when the summary is the only place that shows it.
    /// </summary>
    public static IReadOnlyList<string> UnhealedFaults(SimRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var seed = string.Create(CultureInfo.InvariantCulture, $"SEED=0x{result.Seed:x}");
        return [.. TraceSummary.From(result.Trace.Events).Faults
            .Where(fault => fault.EndMs != fault.StartMs && fault.HealedAfterMs is null)
            .Select(fault => $"{seed}: fault {fault.Peer} {fault.Description} at {TraceTime.Seconds(fault.StartMs)}s for {TraceTime.Seconds(fault.EndMs - fault.StartMs)}s never healed")];
    }

    private static void CheckCounts(List<string> misses, string seed, string kind, IReadOnlyDictionary<string, PeerCount> expected, IReadOnlyList<TraceEvent> events)
    {
        foreach (var (observer, count) in expected.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var seen = events.Count(e => e.Event == kind
                && e.Peer == observer
                && (count.Remote is null || e.Remote == count.Remote)
                && (count.Reason is null || e.Reason == count.Reason));
            if (!count.Accepts(seen))
            {
                var about = (count.Remote is null ? string.Empty : $" of {count.Remote}") + (count.Reason is null ? string.Empty : $" ({count.Reason})");
                misses.Add($"{seed}: expected {observer} to see {kind}{about} {count.Bounds()} times, got {seen.ToString(CultureInfo.InvariantCulture)}");
            }
        }
    }

    private static void Compare(List<string> misses, string seed, string what, IReadOnlyList<string> expected, HashSet<string> actual)
    {
        if (!actual.SetEquals(expected))
        {
            misses.Add($"{seed}: expected {what} [{string.Join(", ", expected.Order(StringComparer.Ordinal))}], got [{string.Join(", ", actual.Order(StringComparer.Ordinal))}]");
        }
    }
}

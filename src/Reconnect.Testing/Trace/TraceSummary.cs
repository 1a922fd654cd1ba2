namespace Reconnect.Testing.Trace;

/// <summary>Per-peer counts and per-fault time to heal, computed from a trace.</summary>
/// <param name="Peers">One entry per peer named in the trace (but not <see cref="TraceEvent.WorldPeer"/>), ordered by name (ordinal).</param>
/// <param name="Faults">One entry per fault event, in trace order.</param>
public sealed record TraceSummary(IReadOnlyList<PeerSummary> Peers, IReadOnlyList<FaultHeal> Faults)
{
    /// <summary>Summarizes a trace given in order.</summary>
    public static TraceSummary From(IEnumerable<TraceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var trace = events.ToList();
        var peers = trace
            .Select(e => e.Peer)
            .Where(peer => peer != TraceEvent.WorldPeer)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(peer => Count(peer, trace));
        var faults = trace
            .Select((e, index) => (Fault: e, Index: index))
            .Where(x => x.Fault.Event == TraceEventKind.Fault)
            .Select(x => Heal(x.Fault, trace.Skip(x.Index + 1)));
        return new TraceSummary([.. peers], [.. faults]);
    }

    private static PeerSummary Count(string peer, List<TraceEvent> trace)
    {
        var own = trace.Where(e => e.Peer == peer).ToList();
        var errors = own
            .Where(e => e.Event == TraceEventKind.Error)
            .GroupBy(e => e.Reason ?? string.Empty, StringComparer.Ordinal)
            .Select(group => new ErrorCount(group.Key, group.Count()))
            .OrderBy(error => error.Type, StringComparer.Ordinal);
        return new PeerSummary(
            peer,
            own.Count(e => e.Event == TraceEventKind.StateChange),
            own.Count(e => e.Event == TraceEventKind.StateChange && e.To == "reconnecting"),
            own.Count(e => e.Event == TraceEventKind.IceRestart),
            own.Count(e => e.Event == TraceEventKind.PeerLeft),
            [.. errors]);
    }

    private static FaultHeal Heal(TraceEvent fault, IEnumerable<TraceEvent> later)
    {
        var end = fault.T + (fault.DelayMs ?? 0);
        var heal = later.FirstOrDefault(e =>
            e.Event == TraceEventKind.Heal && (e.Peer == fault.Peer || e.Peer == TraceEvent.WorldPeer) && e.T >= end);
        return new FaultHeal(fault.Peer, WorldEventText.Describe(fault), fault.T, end, heal is null ? null : heal.T - end);
    }
}

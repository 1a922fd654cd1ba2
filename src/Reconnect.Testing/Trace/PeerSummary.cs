namespace Reconnect.Testing.Trace;

/// <summary>The counts of one peer's trace.</summary>
/// <param name="Peer">The peer's scenario name.</param>
/// <param name="StateChanges">Its state-change events.</param>
/// <param name="Reconnects">Its state changes into <c>reconnecting</c>.</param>
/// <param name="IceRestarts">Its ice-restart events.</param>
/// <param name="PeersLeft">Its peer-left events.</param>
/// <param name="Errors">Its error events by type, ordered by type name (ordinal).</param>
public sealed record PeerSummary(
    string Peer,
    int StateChanges,
    int Reconnects,
    int IceRestarts,
    int PeersLeft,
    IReadOnlyList<ErrorCount> Errors);

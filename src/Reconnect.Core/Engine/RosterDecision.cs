using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Engine;

/// <summary>A remote peer as the reconcile diff sees it: what it was known as before the snapshot.</summary>
/// <param name="Id">The peer id.</param>
/// <param name="SessionId">The session it was known under.</param>
/// <param name="State">Its remote peer state.</param>
/// <param name="Version">The roster version of the newest event applied to it.</param>
/// <param name="AwaitingRejoin">True while it is awaited after the server lost its session.</param>
/// <param name="ConnectionEpoch">The socket epoch its live connection was built under.</param>
/// <param name="Away">True while the server says its signalling is away and its media still flows: a reconcile keeps that connection.</param>
internal readonly record struct KnownPeer(string Id, string SessionId, RemotePeerState State, long Version, bool AwaitingRejoin, long ConnectionEpoch, bool Away = false);

/// <summary>One decision of the reconcile diff, applied by the engine in order.</summary>
internal abstract record RosterDecision;

/// <summary>The snapshot breaks the protocol (it lists the local peer, or a peer twice); the first entry is kept.</summary>
internal sealed record RosterViolation(string Message) : RosterDecision;

/// <summary>Part of the snapshot is older than what the engine already applied, and is left out.</summary>
internal sealed record RosterPartIgnored(string Input, string Reason) : RosterDecision;

/// <summary>The peer is missing with no record that it left: await its rejoin, reconnecting.</summary>
internal sealed record AwaitPeerRejoin(string PeerId) : RosterDecision;

/// <summary>The peer left (or its session was replaced): it leaves with this reason.</summary>
internal sealed record RemoveKnownPeer(string PeerId, string Reason) : RosterDecision;

/// <summary>A closed RemotePeer's id is listed again: the closed one leaves (as replaced) before the new one is added.</summary>
internal sealed record ReplaceClosedPeer(string PeerId) : RosterDecision;

/// <summary>The peer is back under a new session with no record that the old one ended: same RemotePeer, new connection.</summary>
internal sealed record KeepRejoinedPeer(string PeerId, RosterEntry Entry) : RosterDecision;

/// <summary>The peer's entry (metadata, streams) is applied to its RemotePeer.</summary>
internal sealed record UpdateKnownPeer(string PeerId, RosterEntry Entry) : RosterDecision;

/// <summary>The peer's connection is rebuilt under its RemotePeer (a swap).</summary>
internal sealed record SwapConnection(string PeerId) : RosterDecision;

/// <summary>The peer and its connection are kept as they are.</summary>
internal sealed record KeepConnection(string PeerId, string? ListedAway = null) : RosterDecision;

/// <summary>A peer the engine did not know (or whose closed entry was replaced) gets a new RemotePeer.</summary>
internal sealed record AddNewPeer(RosterEntry Entry) : RosterDecision;

/// <summary>A peer-joined event names a peer the engine does not know (or whose old session ended): it gets a new RemotePeer.</summary>
internal sealed record AddJoinedPeer(RosterEntry Entry) : RosterDecision;

/// <summary>An event says the peer's known session ended (it left, or a join replaced it): the RemotePeer leaves with this reason.</summary>
internal sealed record EndPeerSession(string PeerId, string Reason) : RosterDecision;

/// <summary>A session left at the event's version: remembered, so an older snapshot or join cannot bring it back.</summary>
internal sealed record RecordSessionLeft(string PeerId, string SessionId) : RosterDecision;

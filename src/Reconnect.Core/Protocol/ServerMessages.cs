using System.Text.Json.Serialization;

namespace Reconnect.Core.Protocol;

/// <summary>A message the signalling server sends to a client.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(WelcomeMessage), "welcome")]
[JsonDerivedType(typeof(RosterMessage), "roster")]
[JsonDerivedType(typeof(PeerJoinedMessage), "peer-joined")]
[JsonDerivedType(typeof(PeerLeftMessage), "peer-left")]
[JsonDerivedType(typeof(PeerUpdatedMessage), "peer-updated")]
[JsonDerivedType(typeof(SignalRelayedMessage), "signal")]
[JsonDerivedType(typeof(PongMessage), "pong")]
[JsonDerivedType(typeof(GoingAwayMessage), "going-away")]
[JsonDerivedType(typeof(EvictedMessage), "evicted")]
[JsonDerivedType(typeof(PeerAwayMessage), "peer-away")]
[JsonDerivedType(typeof(PeerBackMessage), "peer-back")]
public abstract record ServerMessage;

/// <summary>The server accepted a join. <paramref name="Resumed"/> is true when the previous session was resumed.</summary>
/// <param name="PeerId">The peer's id.</param>
/// <param name="SessionId">The session now in force.</param>
/// <param name="Resumed">True when a session named in the join was resumed.</param>
/// <param name="SilenceGraceMs">
/// The server's silence grace in milliseconds: how long past its heartbeat a detached session is kept for a
/// resume. Null from a server that does not say; then the client cannot cap its waits by it.
/// </param>
/// <param name="IceServers">
/// The STUN/TURN servers (with TURN credentials) the client's token grants, when the server delivers them; null (and
/// absent from the frame) otherwise.
/// </param>
public sealed record WelcomeMessage(
    string PeerId,
    string SessionId,
    bool Resumed,
    long? SilenceGraceMs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IceServer>? IceServers = null) : ServerMessage;

/// <summary>A full roster snapshot of the channel (the receiving peer excluded).</summary>
/// <param name="RequestId">The request it answers, or 0 when unsolicited.</param>
/// <param name="Peers">Every other peer in the channel.</param>
/// <param name="Version">
/// The server's roster version when the snapshot was taken: every roster change the server made up to this
/// version is reflected, none after it. 0 from a server without versions.
/// </param>
/// <param name="Departed">
/// The sessions that ended lately in the channel, oldest first, with why; a peer that was away learns from it the true
/// reason of a departure it missed. Null from a server that keeps no such memory.
/// </param>
public sealed record RosterMessage(int RequestId, IReadOnlyList<RosterEntry> Peers, long Version = 0, IReadOnlyList<DepartedSession>? Departed = null) : ServerMessage;

/// <summary>A peer joined the channel.</summary>
/// <param name="Peer">The peer.</param>
/// <param name="Version">The server's roster version of this change; 0 from a server without versions.</param>
/// <param name="Replaces">The peer's previous session in the channel, if it ended lately, with why.</param>
public sealed record PeerJoinedMessage(RosterEntry Peer, long Version = 0, DepartedSession? Replaces = null) : ServerMessage;

/// <summary>A session that ended in a channel, and why.</summary>
/// <param name="PeerId">The peer's id.</param>
/// <param name="SessionId">The session that ended.</param>
/// <param name="Reason">Why, as in <see cref="PeerLeftMessage"/>.</param>
public sealed record DepartedSession(string PeerId, string SessionId, string Reason);

/// <summary>A peer left the channel for good.</summary>
/// <param name="PeerId">The peer's id.</param>
/// <param name="SessionId">The session that ended.</param>
/// <param name="Reason">Why: <c>left</c> (a leave or a close), <c>network-disconnect</c> (silent past the grace), <c>kicked</c>, <c>replaced</c>.</param>
/// <param name="Version">The server's roster version of this change; 0 from a server without versions.</param>
public sealed record PeerLeftMessage(string PeerId, string SessionId, string Reason, long Version = 0) : ServerMessage;

/// <summary>A peer's metadata or published streams changed.</summary>
/// <param name="Peer">The peer as it is now.</param>
/// <param name="Version">The server's roster version of this change; 0 from a server without versions.</param>
public sealed record PeerUpdatedMessage(RosterEntry Peer, long Version = 0) : ServerMessage;

/// <summary>A signal relayed from another peer.</summary>
/// <param name="From">The sending peer's id.</param>
/// <param name="Payload">The signal.</param>
public sealed record SignalRelayedMessage(string From, SignalPayload Payload) : ServerMessage;

/// <summary>The answer to a ping.</summary>
/// <param name="Sequence">The ping's sequence.</param>
public sealed record PongMessage(long Sequence) : ServerMessage;

/// <summary>The server is about to close the socket (restart, drain); reconnect no sooner than the hint.</summary>
/// <param name="RetryAfterMs">The earliest retry, in milliseconds, if the server gives one.</param>
public sealed record GoingAwayMessage(int? RetryAfterMs = null) : ServerMessage;

/// <summary>The session named in a join no longer exists: the peer was evicted while away.</summary>
/// <param name="Reason">Why the session ended, as the server remembers it (<c>kicked</c>, ...), else <c>network-disconnect</c>.</param>
public sealed record EvictedMessage(string Reason) : ServerMessage;

/// <summary>
/// The server lost a peer's socket (it closed, or its heartbeat is overdue) but keeps its session for a resume within
/// the grace; <see cref="PeerBackMessage"/> or <see cref="PeerLeftMessage"/> follows. Not a roster change: it carries
/// no roster version, and a client that does not know it loses nothing but the early warning.
/// </summary>
/// <param name="PeerId">The peer's id.</param>
/// <param name="SessionId">The session kept for the peer.</param>
/// <param name="Reason">How the server knows: <c>socket-closed</c>, <c>heartbeat-missed</c> or <c>closed-by-server</c>.</param>
/// <param name="CloseCode">The close code the server closed the socket with, for <c>closed-by-server</c>; else null.</param>
public sealed record PeerAwayMessage(
    string PeerId,
    string SessionId,
    string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CloseCode = null) : ServerMessage;

/// <summary>A peer the server told was away is heard again: its session resumed on a new socket, or its silent socket spoke.</summary>
/// <param name="PeerId">The peer's id.</param>
/// <param name="SessionId">The session, the same one as in its <see cref="PeerAwayMessage"/>.</param>
public sealed record PeerBackMessage(string PeerId, string SessionId) : ServerMessage;

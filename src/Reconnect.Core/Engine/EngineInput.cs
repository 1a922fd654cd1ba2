using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Engine;

/// <summary>A fact the engine is told about: a user command, an I/O result, a timer or a network change.</summary>
public abstract record EngineInput;

/// <summary>
/// The user asked to join a channel. While leaving, the join is queued and starts when the leave finishes (a later
/// join replaces a queued one; a later leave or a close drops it); while in a channel it is rejected.
/// </summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="PeerId">The local peer's id.</param>
/// <param name="Metadata">The local peer's application metadata.</param>
public sealed record JoinRequested(string Channel, string PeerId, IReadOnlyDictionary<string, string> Metadata) : EngineInput;

/// <summary>The user asked to leave the channel; the engine may join again afterwards.</summary>
public sealed record LeaveRequested : EngineInput;

/// <summary>The user closed the engine for good.</summary>
public sealed record CloseRequested : EngineInput;

/// <summary>The user published a local stream.</summary>
/// <param name="Stream">The stream.</param>
public sealed record LocalStreamAdded(StreamInfo Stream) : EngineInput;

/// <summary>The user withdrew a local stream.</summary>
/// <param name="StreamId">The stream's id.</param>
public sealed record LocalStreamRemoved(string StreamId) : EngineInput;

/// <summary>The user replaced the track of a local stream.</summary>
/// <param name="StreamId">The stream's id.</param>
/// <param name="TrackId">The new track's id.</param>
public sealed record LocalTrackReplaced(string StreamId, string TrackId) : EngineInput;

/// <summary>The token provider answered.</summary>
/// <param name="Attempt">The fetch it answers.</param>
/// <param name="Token">The credential for the socket.</param>
/// <param name="IceServers">The STUN/TURN servers for connections built from now on.</param>
/// <param name="ValidFor">
/// How long the token stays valid from now, when the grant says: the engine then hands the server a fresh one over the
/// open socket ahead of its expiry. Null for a token with no known expiry.
/// </param>
/// <param name="Route">Where to open the socket with this token, when the grant says; null for the configured endpoint and headers.</param>
public sealed record TokenFetched(long Attempt, string Token, IReadOnlyList<IceServer> IceServers, TimeSpan? ValidFor = null, SignallingRoute? Route = null) : EngineInput;

/// <summary>The token provider failed.</summary>
/// <param name="Attempt">The fetch it answers.</param>
/// <param name="Reason">What went wrong.</param>
/// <param name="NetworkUnreachable">True when it failed because the local network is unreachable (a local outage).</param>
public sealed record TokenFetchFailed(long Attempt, string Reason, bool NetworkUnreachable = false) : EngineInput;

/// <summary>The socket of an epoch opened.</summary>
/// <param name="Epoch">The socket's epoch.</param>
public sealed record SocketOpened(long Epoch) : EngineInput;

/// <summary>The socket of an epoch closed (by the server, the network, or a failed open).</summary>
/// <param name="Epoch">The socket's epoch.</param>
/// <param name="Code">The close code.</param>
/// <param name="Reason">The close reason text.</param>
public sealed record SocketClosed(long Epoch, int Code, string Reason) : EngineInput;

/// <summary>
/// The socket of an epoch could not reach the server, or lost it, because the local network is unreachable (no route,
/// interface down): a local outage, not a server's answer, so it carries no close code. It ends the socket like a
/// close; with the offline probe on, the socket waits offline without spending its attempt budget.
/// </summary>
/// <param name="Epoch">The socket's epoch.</param>
/// <param name="Reason">What the port saw, for logs.</param>
public sealed record SignallingUnreachable(long Epoch, string Reason) : EngineInput;

/// <summary>A text frame arrived on the socket of an epoch.</summary>
/// <param name="Epoch">The socket's epoch.</param>
/// <param name="Text">The frame.</param>
public sealed record FrameReceived(long Epoch, string Text) : EngineInput;

/// <summary>
/// A media connection produced a local description (after CreateOffer or CreateAnswer); the engine applies it with
/// SetLocalDescription when the exchange still wants it.
/// </summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Description">The description.</param>
public sealed record LocalDescriptionCreated(string RemotePeerId, int Generation, SessionDescription Description) : EngineInput;

/// <summary>
/// A media connection applied a local description (after SetLocalDescription); the engine then sends it on signalling:
/// what goes out is the description applied.
/// </summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Description">The description applied.</param>
public sealed record LocalDescriptionApplied(string RemotePeerId, int Generation, SessionDescription Description) : EngineInput;

/// <summary>A media connection gathered a local candidate.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Candidate">The candidate.</param>
public sealed record LocalCandidateGathered(string RemotePeerId, int Generation, IceCandidate Candidate) : EngineInput;

/// <summary>A media connection's ICE state changed.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="State">The new state.</param>
public sealed record IceStateChanged(string RemotePeerId, int Generation, IceConnectionState State) : EngineInput;

/// <summary>A remote stream's media arrived on a connection.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="StreamId">The stream's id.</param>
/// <param name="Media">
/// The platform's handle the application renders (a browser <c>MediaStream</c> proxy), or null; opaque to the engine,
/// which hands it on with the stream-added notice.
/// </param>
public sealed record RemoteStreamArrived(string RemotePeerId, int Generation, string StreamId, object? Media = null) : EngineInput;

/// <summary>
/// A media port verb failed, synchronously or asynchronously; <c>MediaFailurePolicy</c> decides per operation whether it
/// is tolerated, reported, or heals the connection.
/// </summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Operation">The verb that failed.</param>
/// <param name="Reason">What went wrong.</param>
public sealed record MediaOperationFailed(string RemotePeerId, int Generation, MediaOperation Operation, string Reason) : EngineInput;

/// <summary>A timer the engine started fired.</summary>
/// <param name="Timer">The timer.</param>
public sealed record TimerFired(TimerId Timer) : EngineInput;

/// <summary>The operating system reported a network change.</summary>
/// <param name="Change">What changed.</param>
public sealed record NetworkChanged(NetworkChange Change) : EngineInput;

/// <summary>
/// The host woke from a sleep (suspend) it could not notice while asleep, or its wall clock jumped ahead of its
/// monotonic clock as if it had: the open socket is suspect and is probed at once. Media connections report their
/// own state through their ports.
/// </summary>
/// <param name="Slept">About how long the host was away; not positive means no time was lost.</param>
public sealed record WokeUp(TimeSpan Slept) : EngineInput;

/// <summary>
/// The user asked to retry now, instead of waiting (an app's "retry now?" after a long reconnect). Every pending retry
/// wait is cut short through its own timer, as if it had fallen due: the signalling socket's backoff wait or offline
/// probe (an attempt now), each remote peer's ICE restart ladder wait (a restart now), the reconcile's roster wait
/// while a re-request is left (a request now). Identities are kept: no RemotePeer, stream or session is dropped, and
/// the attempt counters go on counting. Nothing waiting: ignored with a reason. A press within
/// <see cref="ReconnectOptions.RetryNowMinInterval"/> of the last one taken is refused by an
/// <see cref="InputIgnoredNotice"/> whose reason names the instant the next is taken.
/// </summary>
public sealed record RetryNowRequested : EngineInput;

/// <summary>
/// A media connection's inbound media counts, as its statistics give them (a browser's <c>getStats</c>
/// <c>inbound-rtp</c> summed over the connection), reported periodically by the media port (about once a second). The
/// frozen-media watchdog (<see cref="ReconnectOptions.MediaWatchdog"/>) judges them: counts that stand still for
/// <see cref="MediaWatchdogOptions.FrozenAfter"/> while the remote peer is connected and announces a stream start the
/// ICE restart ladder, with a <see cref="MediaFrozenNotice"/>. Reports are samples, not events: one for an unknown or
/// departed peer, a stale generation, a peer not connected, a remote announcing no stream, or with the watchdog off, is
/// dropped without a notice (a notice per periodic sample would drown the others), and changes nothing.
/// </summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="FramesReceived">Frames received on the connection so far (cumulative).</param>
/// <param name="BytesReceived">Media bytes received on the connection so far (cumulative).</param>
public sealed record MediaFlowReported(string RemotePeerId, int Generation, long FramesReceived, long BytesReceived) : EngineInput;

using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;

namespace Reconnect;

/// <summary>Something that happened to a client, as its event handlers and <see cref="ReconnectClient.Events"/> see it.</summary>
/// <param name="At">The engine time: how long after the client was created it happened.</param>
public abstract record ReconnectEvent(TimeSpan At);

/// <summary>The local peer's state changed.</summary>
/// <param name="At">The engine time.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Reason">Why.</param>
public sealed record StateChangedEvent(TimeSpan At, LocalPeerState From, LocalPeerState To, string Reason) : ReconnectEvent(At);

/// <summary>A remote peer's state changed.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Reason">Why.</param>
public sealed record RemotePeerStateChangedEvent(TimeSpan At, RemotePeer Peer, RemotePeerState From, RemotePeerState To, string Reason) : ReconnectEvent(At);

/// <summary>A remote peer joined or was found in the roster; its <see cref="RemotePeer"/> lives until it truly leaves.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer.</param>
public sealed record PeerJoinedEvent(TimeSpan At, RemotePeer Peer) : ReconnectEvent(At);

/// <summary>A remote peer truly left; a drop that heals never raises this.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer, now closed.</param>
/// <param name="Reason">Why, such as <c>left</c> or <c>local-closed</c>.</param>
public sealed record PeerLeftEvent(TimeSpan At, RemotePeer Peer, string Reason) : ReconnectEvent(At);

/// <summary>A remote peer's metadata changed.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer.</param>
/// <param name="Metadata">The new metadata.</param>
public sealed record PeerMetadataChangedEvent(TimeSpan At, RemotePeer Peer, IReadOnlyDictionary<string, string> Metadata) : ReconnectEvent(At);

/// <summary>A remote stream is available; raised again, with a new <see cref="RemoteStream"/> under the same id, after a connection is rebuilt.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer.</param>
/// <param name="Stream">The stream object of this connection generation.</param>
/// <param name="Rebound">True when the stream id was seen before under an older connection.</param>
public sealed record StreamAddedEvent(TimeSpan At, RemotePeer Peer, RemoteStream Stream, bool Rebound) : ReconnectEvent(At);

/// <summary>A remote stream was truly withdrawn (unpublished, or its peer left); a drop that heals never raises this.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer.</param>
/// <param name="Stream">The stream object that ends.</param>
public sealed record StreamRemovedEvent(TimeSpan At, RemotePeer Peer, RemoteStream Stream) : ReconnectEvent(At);

/// <summary>A remote peer's connection was rebuilt; its data channels died with the old one and must be reopened.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer.</param>
/// <param name="Generation">The new connection's generation.</param>
public sealed record DataChannelsResetEvent(TimeSpan At, RemotePeer Peer, int Generation) : ReconnectEvent(At);

/// <summary>A message arrived from a remote peer on a data channel of its live connection.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer it came from.</param>
/// <param name="Label">The channel's label.</param>
/// <param name="Payload">The message.</param>
public sealed record DataReceivedEvent(TimeSpan At, RemotePeer Peer, string Label, ReadOnlyMemory<byte> Payload) : ReconnectEvent(At);

/// <summary>A media connection was created or replaced under a remote peer.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Reason">Why it was built.</param>
public sealed record ConnectionBuiltEvent(TimeSpan At, RemotePeer Peer, int Generation, string Reason) : ReconnectEvent(At);

/// <summary>An ICE restart attempt started on a remote peer.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer.</param>
/// <param name="Attempt">The attempt number in this episode, from 1.</param>
/// <param name="Generation">The connection restarted.</param>
public sealed record IceRestartStartedEvent(TimeSpan At, RemotePeer Peer, int Attempt, int Generation) : ReconnectEvent(At);

/// <summary>
/// A remote peer's escalation took a step: its ICE restart ladder was spent, or the step before did not heal within its
/// bound, so the next remedy was tried. The <see cref="RemotePeer"/> keeps its identity through every step.
/// </summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer.</param>
/// <param name="Step">The remedy.</param>
/// <param name="Round">The round, from 1: each round is an ICE restart ladder and then the steps.</param>
/// <param name="Taken">False when a step for the whole call was not made (the socket was already down, or the step was made for another peer within its minimum interval); its bound runs either way.</param>
/// <param name="Detail">What was done, or why it was not.</param>
public sealed record EscalationStepEvent(TimeSpan At, RemotePeer Peer, EscalationStepKind Step, int Round, bool Taken, string Detail) : ReconnectEvent(At);

/// <summary>
/// A remote peer's media stood still for <c>ReconnectOptions.MediaWatchdog.FrozenAfter</c> while ICE said connected
/// (a frozen picture): the library restarts ICE on it, as for ICE failed, keeping the RemotePeer object.
/// </summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer.</param>
/// <param name="Generation">The frozen connection.</param>
/// <param name="StalledFor">How long its inbound media had not advanced.</param>
public sealed record MediaFrozenEvent(TimeSpan At, RemotePeer Peer, int Generation, TimeSpan StalledFor) : ReconnectEvent(At);

/// <summary>A signalling socket connect attempt started.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Attempt">The attempt number since the budget last reset, from 1.</param>
/// <param name="Epoch">The socket's epoch.</param>
public sealed record SocketAttemptStartedEvent(TimeSpan At, int Attempt, long Epoch) : ReconnectEvent(At);

/// <summary>The signalling socket will retry after a wait.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Attempt">The attempt that will follow.</param>
/// <param name="Delay">The wait.</param>
/// <param name="CloseCode">The code that ended the previous socket, if any.</param>
public sealed record SocketRetryScheduledEvent(TimeSpan At, int Attempt, TimeSpan Delay, int? CloseCode) : ReconnectEvent(At);

/// <summary>
/// The client has been reconnecting for the configured time; the app may offer a manual retry with
/// <see cref="ReconnectClient.RetryNowAsync"/>, which keeps the call (its <see cref="RemotePeer"/> objects and session).
/// </summary>
/// <param name="At">The engine time.</param>
/// <param name="Elapsed">How long it has been reconnecting.</param>
/// <param name="RetryNowAvailableIn">
/// How long until a retry-now is taken by its rate limit (<c>ReconnectOptions.RetryNowMinInterval</c>); zero when it
/// is taken now.
/// </param>
public sealed record StillReconnectingEvent(TimeSpan At, TimeSpan Elapsed, TimeSpan RetryNowAvailableIn) : ReconnectEvent(At);

/// <summary>
/// The client (<paramref name="Peer"/> null), or a remote peer, has been reconnecting for
/// <c>ReconnectOptions.ReconnectingVisibleAfter</c> (default 1 s): show the reconnecting banner now. A blip that heals
/// sooner raises nothing, so the banner does not flicker; at most one per reconnect.
/// </summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer, or null for the client itself.</param>
/// <param name="Elapsed">How long it has been reconnecting.</param>
public sealed record ReconnectingVisibleEvent(TimeSpan At, RemotePeer? Peer, TimeSpan Elapsed) : ReconnectEvent(At);

/// <summary>
/// A reconnect that was shown (<see cref="ReconnectingVisibleEvent"/>) healed: the client is joined again, or the remote
/// peer connected again; hide the banner. Raised in the step that heals, just before its state change. A shown reconnect
/// that ends otherwise (the client leaves or closes, the remote peer closes) raises none: its state change says how it ended.
/// </summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer, or null for the client itself.</param>
/// <param name="Lasted">How long it was reconnecting in all.</param>
public sealed record ReconnectingRecoveredEvent(TimeSpan At, RemotePeer? Peer, TimeSpan Lasted) : ReconnectEvent(At);

/// <summary>
/// The server told that a remote peer's signalling is gone while its session is kept for a resume: the peer shows
/// reconnecting at once, before its media notices anything; media that still flows keeps running. <c>PeerBack</c> or
/// <c>PeerLeft</c> follows.
/// </summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer.</param>
/// <param name="Reason">How the server knows: <c>socket-closed</c>, <c>heartbeat-missed</c> or <c>closed-by-server</c>.</param>
/// <param name="CloseCode">The close code the server closed the peer's socket with, for <c>closed-by-server</c>; else null.</param>
public sealed record PeerAwayEvent(TimeSpan At, RemotePeer Peer, string Reason, int? CloseCode) : ReconnectEvent(At);

/// <summary>A remote peer told away is back: connected again when its media is, else its media's own reconnect goes on.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Peer">The remote peer.</param>
public sealed record PeerBackEvent(TimeSpan At, RemotePeer Peer) : ReconnectEvent(At);

/// <summary>A fresh token was handed to the server over the open socket, ahead of the old one's expiry.</summary>
/// <param name="At">The engine time.</param>
/// <param name="ValidFor">How long the fresh token stays valid from now.</param>
public sealed record TokenRefreshedEvent(TimeSpan At, TimeSpan ValidFor) : ReconnectEvent(At);

/// <summary>A refresh of the token in use failed; the socket stays open on the old token.</summary>
/// <param name="At">The engine time.</param>
/// <param name="ConsecutiveFailures">The refresh failures in a row.</param>
/// <param name="Reason">What went wrong.</param>
/// <param name="RetryIn">
/// The wait before the next refresh; null when none fits before the old token expires: the server then closes the
/// socket with 4002 and the client reconnects with a fresh token, keeping the call.
/// </param>
public sealed record TokenRefreshFailedEvent(TimeSpan At, int ConsecutiveFailures, string Reason, TimeSpan? RetryIn) : ReconnectEvent(At);

/// <summary>The token provider failed several times in a row; retries go on.</summary>
/// <param name="At">The engine time.</param>
/// <param name="ConsecutiveFailures">How many in a row.</param>
/// <param name="LastReason">The last failure's reason.</param>
public sealed record TokenProviderFailingEvent(TimeSpan At, int ConsecutiveFailures, string LastReason) : ReconnectEvent(At);

/// <summary>A typed error; a transient drop is never one.</summary>
/// <param name="At">The engine time.</param>
/// <param name="Error">The error.</param>
public sealed record ErrorRaisedEvent(TimeSpan At, ReconnectError Error) : ReconnectEvent(At);

/// <summary>The engine dropped an input by a stated rule (stale epoch or generation, cancelled timer, unknown peer).</summary>
/// <param name="At">The engine time.</param>
/// <param name="Input">A short description of the input.</param>
/// <param name="Reason">The rule that dropped it.</param>
public sealed record InputIgnoredEvent(TimeSpan At, string Input, string Reason) : ReconnectEvent(At);

/// <summary>
/// The call as it stood at a point in the event order: first in every <see cref="ReconnectClient.Events"/>
/// sequence, and again right after an <see cref="EventsMissedEvent"/>. Every later event of the sequence happened
/// after it, and none before it is delivered again.
/// </summary>
/// <param name="At">The engine time of the last event it includes (zero before the first).</param>
/// <param name="State">The local peer's state.</param>
/// <param name="RemotePeers">The remote peers in the channel, ordered by id.</param>
public sealed record CallSnapshotEvent(TimeSpan At, LocalPeerState State, IReadOnlyList<RemotePeerView> RemotePeers) : ReconnectEvent(At);

/// <summary>A remote peer as it stood when a <see cref="CallSnapshotEvent"/> was taken.</summary>
/// <param name="Peer">The remote peer object; its properties move on, the other values of this record do not.</param>
/// <param name="State">Its state.</param>
/// <param name="Generation">The generation of its live media connection; 0 before the first.</param>
/// <param name="Metadata">Its metadata.</param>
/// <param name="Streams">Its streams, ordered by id.</param>
public sealed record RemotePeerView(RemotePeer Peer, RemotePeerState State, int Generation, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<RemoteStream> Streams);

/// <summary>
/// An <see cref="ReconnectClient.Events"/> subscriber fell behind: its buffer was full when an event came, so the
/// events it had not read yet, and that one, were dropped. A fresh <see cref="CallSnapshotEvent"/> follows, then the
/// live events; if the subscriber falls behind again before reading that snapshot, another gap comes first, so no
/// live event is ever read between a gap and its snapshot. Only the slow subscriber is affected; the engine, the
/// handlers and the other subscribers never wait.
/// </summary>
/// <param name="At">The engine time of the last event it lost.</param>
/// <param name="Missed">How many events this subscriber lost.</param>
public sealed record EventsMissedEvent(TimeSpan At, long Missed) : ReconnectEvent(At);

/// <summary>
/// An application's event handler threw. The exception is logged too; the other handlers, the later events and the
/// engine go on. Raised through <see cref="ReconnectClient.UnhandledHandlerException"/> and every
/// <see cref="ReconnectClient.Events"/> sequence; when a handler of that event throws in turn, it is logged and
/// streamed but not raised again.
/// </summary>
/// <param name="At">The engine time of the event being handled.</param>
/// <param name="Event">The event whose handler threw, such as <c>ReconnectClient.StateChanged</c> or <c>RemotePeer(bob).StreamAdded</c>.</param>
/// <param name="Handler">The handler's method, as <c>Type.Method</c>.</param>
/// <param name="Exception">What it threw.</param>
public sealed record UnhandledHandlerExceptionEvent(TimeSpan At, string Event, string Handler, Exception Exception) : ReconnectEvent(At);

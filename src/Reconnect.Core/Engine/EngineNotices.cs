using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Engine;

/// <summary>Something the application is told, in the past tense.</summary>
public abstract record EngineNotice : EngineOutput;

/// <summary>The local peer's state changed.</summary>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Reason">Why.</param>
public sealed record LocalStateChangedNotice(LocalPeerState From, LocalPeerState To, string Reason) : EngineNotice;

/// <summary>A remote peer's state changed.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Reason">Why.</param>
public sealed record RemoteStateChangedNotice(string RemotePeerId, long Ref, RemotePeerState From, RemotePeerState To, string Reason) : EngineNotice;

/// <summary>A remote peer joined (or was found in the roster); a RemotePeer object now exists for it.</summary>
/// <param name="Peer">The peer as the roster shows it.</param>
/// <param name="Ref">The identity of the new RemotePeer object.</param>
public sealed record PeerJoinedNotice(RosterEntry Peer, long Ref) : EngineNotice;

/// <summary>A remote peer truly left the channel; its RemotePeer object is gone. Not raised when the local peer leaves or closes.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="Reason">
/// Why, as the server tells it, also for a departure missed while away (from the roster's memory of departures):
/// <c>left</c>, <c>kicked</c>, <c>network-disconnect</c>, <c>replaced</c>; <c>replaced</c> when a new session of the
/// peer is seen and the server did not say how the old one ended; <c>unknown</c> when the peer is gone from the roster
/// and the server no longer remembers why.
/// </param>
public sealed record PeerLeftNotice(string RemotePeerId, long Ref, string Reason) : EngineNotice;

/// <summary>A remote peer's metadata changed.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="Metadata">The new metadata.</param>
public sealed record PeerMetadataChangedNotice(string RemotePeerId, long Ref, IReadOnlyDictionary<string, string> Metadata) : EngineNotice;

/// <summary>A remote stream is available on a connection; raised again with the same id after a rebuild.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="StreamId">The stream's id, stable across rebuilds.</param>
/// <param name="StreamRef">The identity of this stream object, new for each connection.</param>
/// <param name="Generation">The connection it arrived on.</param>
/// <param name="Rebound">True when the stream was seen before under an older connection.</param>
/// <param name="Media">The platform's handle to render, as the media port reported it with the stream; null when it gave none.</param>
public sealed record StreamAddedNotice(string RemotePeerId, long Ref, string StreamId, long StreamRef, int Generation, bool Rebound, object? Media = null) : EngineNotice;

/// <summary>A remote stream was truly withdrawn (unpublished, or its peer left); never raised for a drop that heals.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="StreamId">The stream's id.</param>
/// <param name="StreamRef">The identity of the stream object that ends.</param>
public sealed record StreamRemovedNotice(string RemotePeerId, long Ref, string StreamId, long StreamRef) : EngineNotice;

/// <summary>A connection was rebuilt; its data channels died with the old one and must be reopened.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="Generation">The new connection's generation.</param>
public sealed record DataChannelsResetNotice(string RemotePeerId, long Ref, int Generation) : EngineNotice;

/// <summary>A media connection was created or replaced under a remote peer.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Reason">Why it was (re)built.</param>
public sealed record ConnectionBuiltNotice(string RemotePeerId, long Ref, int Generation, string Reason) : EngineNotice;

/// <summary>
/// A remote peer's connected media stood still for <see cref="MediaWatchdogOptions.FrozenAfter"/> while ICE said
/// connected: the frozen-media watchdog treats the connection as broken and starts the ICE restart ladder.
/// </summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="Generation">The frozen connection.</param>
/// <param name="StalledFor">How long its inbound media had not advanced.</param>
public sealed record MediaFrozenNotice(string RemotePeerId, long Ref, int Generation, TimeSpan StalledFor) : EngineNotice;

/// <summary>An ICE restart attempt started on a remote peer.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="Attempt">The attempt number in this episode, from 1.</param>
/// <param name="Generation">The connection restarted.</param>
public sealed record IceRestartStartedNotice(string RemotePeerId, long Ref, int Attempt, int Generation) : EngineNotice;

/// <summary>
/// A remote peer's escalation took a step: its ICE restart ladder was spent (or a step did not heal within its bound),
/// so the next remedy was tried. The RemotePeer keeps its identity through every step.
/// </summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="Step">The remedy.</param>
/// <param name="Round">The round, from 1: each round is an ICE restart ladder and then the steps.</param>
/// <param name="Taken">
/// False when a call-wide step was not made: the socket was already down (its reconnect reconciles the peer anyway),
/// or the same step was made for the call within its minimum interval (that one serves this peer too). The step's
/// bound runs either way.
/// </param>
/// <param name="Detail">What was done, or why it was not.</param>
public sealed record EscalationStepNotice(string RemotePeerId, long Ref, EscalationStepKind Step, int Round, bool Taken, string Detail) : EngineNotice;

/// <summary>A socket connect attempt started.</summary>
/// <param name="Attempt">The attempt number since the budget last reset, from 1.</param>
/// <param name="Epoch">The socket's epoch.</param>
public sealed record SocketAttemptStartedNotice(int Attempt, long Epoch) : EngineNotice;

/// <summary>The socket will retry after a wait.</summary>
/// <param name="Attempt">The attempt that will follow.</param>
/// <param name="Delay">The wait.</param>
/// <param name="CloseCode">The code that ended the previous socket, if any.</param>
public sealed record SocketRetryScheduledNotice(int Attempt, TimeSpan Delay, int? CloseCode) : EngineNotice;

/// <summary>The local peer has been reconnecting for the configured time; the app may offer a manual retry (<see cref="RetryNowRequested"/>).</summary>
/// <param name="Elapsed">How long it has been reconnecting.</param>
/// <param name="RetryNowAvailableIn">
/// How long until a retry-now press is taken by the rate limit (<see cref="ReconnectOptions.RetryNowMinInterval"/>);
/// zero when it is taken now.
/// </param>
public sealed record StillReconnectingNotice(TimeSpan Elapsed, TimeSpan RetryNowAvailableIn) : EngineNotice;

/// <summary>
/// The local peer (<paramref name="RemotePeerId"/> null), or a remote peer, has been reconnecting for
/// <see cref="ReconnectOptions.ReconnectingVisibleAfter"/>: the app shows its reconnecting banner now. Raised at most once
/// per reconnect, never for a blip that heals sooner.
/// </summary>
/// <param name="RemotePeerId">The remote peer, or null for the local peer.</param>
/// <param name="Ref">The identity of the RemotePeer object, or null for the local peer.</param>
/// <param name="Elapsed">How long it has been reconnecting.</param>
public sealed record ReconnectingVisibleNotice(string? RemotePeerId, long? Ref, TimeSpan Elapsed) : EngineNotice;

/// <summary>
/// A reconnect that was shown (<see cref="ReconnectingVisibleNotice"/>) healed: the local peer is joined again, or the
/// remote peer connected again; the app hides its banner. A shown reconnect that ends otherwise (the local peer leaves
/// or closes, the remote peer closes) raises none: the state change says how it ended.
/// </summary>
/// <param name="RemotePeerId">The remote peer, or null for the local peer.</param>
/// <param name="Ref">The identity of the RemotePeer object, or null for the local peer.</param>
/// <param name="Lasted">How long it was reconnecting in all.</param>
public sealed record ReconnectingRecoveredNotice(string? RemotePeerId, long? Ref, TimeSpan Lasted) : EngineNotice;

/// <summary>A fresh token was handed to the server over the open socket, ahead of the old one's expiry.</summary>
/// <param name="ValidFor">How long the fresh token stays valid from now.</param>
public sealed record TokenRefreshedNotice(TimeSpan ValidFor) : EngineNotice;

/// <summary>A refresh of the token in use failed; the socket stays open on the old token.</summary>
/// <param name="ConsecutiveFailures">The refresh failures in a row.</param>
/// <param name="Reason">What went wrong.</param>
/// <param name="RetryIn">
/// The wait before the next refresh; null when none fits before the old token expires: the server then closes the
/// socket with 4002 and the engine reconnects with a fresh token.
/// </param>
public sealed record TokenRefreshFailedNotice(int ConsecutiveFailures, string Reason, TimeSpan? RetryIn) : EngineNotice;

/// <summary>The token provider failed several times in a row; retries go on.</summary>
/// <param name="ConsecutiveFailures">How many in a row.</param>
/// <param name="LastReason">The last failure's reason.</param>
public sealed record TokenProviderFailingNotice(int ConsecutiveFailures, string LastReason) : EngineNotice;

/// <summary>A typed error; see <see cref="ReconnectError"/> for the kinds.</summary>
/// <param name="Error">The error.</param>
public sealed record ErrorRaisedNotice(ReconnectError Error) : EngineNotice;

/// <summary>A media verb failed in a way the call does without (a remote candidate, a close); nothing else changed.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Operation">The verb that failed.</param>
/// <param name="Reason">What went wrong.</param>
public sealed record MediaFailureToleratedNotice(string RemotePeerId, long Ref, int Generation, MediaOperation Operation, string Reason) : EngineNotice;

/// <summary>An input was dropped by a stated rule (stale epoch or generation, cancelled timer, unknown peer).</summary>
/// <param name="Input">A short description of the input.</param>
/// <param name="Reason">The rule that dropped it.</param>
public sealed record InputIgnoredNotice(string Input, string Reason) : EngineNotice;

/// <summary>
/// The server told that a remote peer's signalling is gone (<c>peer-away</c>) while its session is kept for a resume: the
/// peer shows reconnecting at once, without waiting for its media to notice; media that still flows is left running.
/// </summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="Reason">How the server knows: <c>socket-closed</c>, <c>heartbeat-missed</c> or <c>closed-by-server</c>.</param>
/// <param name="CloseCode">The close code the server closed the peer's socket with, for <c>closed-by-server</c>; else null.</param>
public sealed record PeerAwayNotice(string RemotePeerId, long Ref, string Reason, int? CloseCode) : EngineNotice;

/// <summary>
/// A remote peer told away is back (<c>peer-back</c>, or the roster after a local reconnect still lists its session): it is
/// connected again when its media is, else its media's own path goes on.
/// </summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
public sealed record PeerBackNotice(string RemotePeerId, long Ref) : EngineNotice;

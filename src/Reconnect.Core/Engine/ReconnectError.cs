using Reconnect.Core.Engine;

namespace Reconnect;

/// <summary>A typed error the engine raises; a transient drop is never one of these.</summary>
/// <param name="Message">A readable description.</param>
public abstract record ReconnectError(string Message);

/// <summary>The server closed the socket with a terminal code; no retry follows.</summary>
/// <param name="Code">The close code.</param>
/// <param name="CodeName">The code's name, such as <c>invalid_token</c>.</param>
/// <param name="Detail">What the signalling port reported with the close (the server's reason), empty when nothing; left out of the message when it only repeats the code's name.</param>
public sealed record TerminalCloseError(int Code, string CodeName, string Detail = "")
    : ReconnectError(ErrorText.Join($"The server closed the connection for good: {CodeName} ({Code})", ": ", Detail == CodeName ? string.Empty : Detail));

/// <summary>The first connect failed and the options say to fail fast.</summary>
/// <param name="Code">The close code, if the socket closed.</param>
/// <param name="Reason">What failed, as a code word such as <c>connection_refused</c>.</param>
/// <param name="Detail">
/// What happened and where, as the port or the token provider reported it, such as
/// <c>connection refused by ws://127.0.0.1:5080/signal</c>; empty when nothing was reported.
/// </param>
public sealed record FirstConnectFailed(int? Code, string Reason, string Detail = "")
    : ReconnectError(Detail.Length == 0 ? $"The first connect failed: {Reason}." : $"The first connect failed: {Detail} ({Reason}).");

/// <summary>The socket's attempt budget is spent.</summary>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="LastFailure">What ended the last attempt and where, as the port reported it; empty when nothing was reported.</param>
public sealed record ReconnectAttemptsExhausted(int Attempts, string LastFailure = "")
    : ReconnectError(ErrorText.Join($"Gave up reconnecting after {Attempts} attempts", "; the last failed: ", LastFailure));

/// <summary>
/// A remote peer's ICE restart ladder is spent; the peer escalates to the next remedy (a fresh connection, a socket
/// resume, a rejoin), and is closed only once every round is spent (<see cref="EscalationExhausted"/>).
/// </summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Attempts">How many restarts were tried.</param>
public sealed record IceRestartExhausted(string RemotePeerId, int Attempts)
    : ReconnectError($"ICE restarts to {RemotePeerId} failed {Attempts} times; the next remedy is tried unless escalation is off (Escalation.Rounds = 0), which closes that peer.");

/// <summary>
/// A remote peer's escalation is spent: every round (an ICE restart ladder, a fresh connection, a socket resume and a
/// rejoin) ran out without the media healing; only that remote peer was closed.
/// </summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Rounds">How many rounds were tried.</param>
public sealed record EscalationExhausted(string RemotePeerId, int Rounds)
    : ReconnectError($"Every remedy for the media to {RemotePeerId} failed over {Rounds} rounds; that peer's connection was closed.");

/// <summary>The roster did not arrive within the reconcile deadline and its retries; reconcile keeps retrying.</summary>
/// <param name="Requests">How many roster requests went unanswered.</param>
public sealed record ReconcileTimeout(int Requests)
    : ReconnectError($"The channel roster did not arrive after {Requests} requests; still retrying.");

/// <summary>The server evicted the session while the peer was away.</summary>
/// <param name="Reason">Why, such as <c>network-disconnect</c>.</param>
/// <param name="Rejoining">True when the engine rejoins as a new session.</param>
public sealed record EvictedError(string Reason, bool Rejoining)
    : ReconnectError($"The session was evicted ({Reason}); {(Rejoining ? "rejoining as new" : "stopping")}.");

/// <summary>A frame could not be decoded; it was dropped and nothing else changed.</summary>
/// <param name="Detail">Why it could not be decoded.</param>
public sealed record MalformedMessage(string Detail)
    : ReconnectError($"A malformed message was dropped: {Detail}.");

/// <summary>A message was well formed but broke the protocol (duplicate roster entries, a signal from oneself).</summary>
/// <param name="Detail">What was wrong.</param>
public sealed record ProtocolViolation(string Detail)
    : ReconnectError($"A message broke the protocol and was dropped: {Detail}.");

/// <summary>A user command was refused in the current state.</summary>
/// <param name="Command">The command.</param>
/// <param name="State">The state that refused it.</param>
public sealed record CommandRejected(string Command, string State)
    : ReconnectError($"{Command} is not allowed while {State}.");

/// <summary>
/// A media operation failed on a connection: a negotiation or connection verb's failure heals the connection (the
/// ladder takes it as a failed attempt), a local stream verb's failure is only reported (see <c>MediaFailurePolicy</c>).
/// </summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Detail">What failed.</param>
/// <param name="Operation">The verb that failed; null when the failure named none.</param>
public sealed record MediaError(string RemotePeerId, string Detail, MediaOperation? Operation = null)
    : ReconnectError($"A media operation with {RemotePeerId} failed: {Detail}.");

namespace Reconnect.Testing.Trace;

/// <summary>The names a <see cref="TraceEvent.Event"/> can take.</summary>
public static class TraceEventKind
{
    /// <summary>The local peer's state changed.</summary>
    public const string StateChange = "state-change";

    /// <summary>A remote peer joined or was found in the roster.</summary>
    public const string PeerJoined = "peer-joined";

    /// <summary>A remote peer truly left.</summary>
    public const string PeerLeft = "peer-left";

    /// <summary>A remote peer's state changed.</summary>
    public const string RemoteStateChange = "remote-state-change";

    /// <summary>A remote stream became available on a connection.</summary>
    public const string StreamAdded = "stream-added";

    /// <summary>A remote stream was truly withdrawn.</summary>
    public const string StreamRemoved = "stream-removed";

    /// <summary>The engine raised a typed error.</summary>
    public const string Error = "error";

    /// <summary>The world injected a fault.</summary>
    public const string Fault = "fault";

    /// <summary>A socket connect attempt started.</summary>
    public const string SocketAttempt = "socket-attempt";

    /// <summary>The socket will retry after a wait.</summary>
    public const string SocketRetry = "socket-retry";

    /// <summary>An ICE restart attempt started.</summary>
    public const string IceRestart = "ice-restart";

    /// <summary>A remote peer's escalation took a step after its ICE restart ladder was spent.</summary>
    public const string EscalationStep = "escalation-step";

    /// <summary>The frozen-media watchdog judged a connected peer's inbound media frozen.</summary>
    public const string MediaFrozen = "media-frozen";

    /// <summary>A media connection was created or replaced.</summary>
    public const string ConnectionBuilt = "connection-built";

    /// <summary>A rebuilt connection's data channels must be reopened.</summary>
    public const string DataChannelsReset = "data-channels-reset";

    /// <summary>A remote peer's metadata changed.</summary>
    public const string MetadataChanged = "metadata-changed";

    /// <summary>The local peer has been reconnecting for the configured time.</summary>
    public const string StillReconnecting = "still-reconnecting";

    /// <summary>The local peer, or a remote peer, has been reconnecting long enough to show it.</summary>
    public const string ReconnectingVisible = "reconnecting-visible";

    /// <summary>A reconnect that was shown healed.</summary>
    public const string ReconnectingRecovered = "reconnecting-recovered";

    /// <summary>The server told that a remote peer's signalling is gone while its session is kept.</summary>
    public const string PeerAway = "peer-away";

    /// <summary>The server told that a remote peer told away is back.</summary>
    public const string PeerBack = "peer-back";

    /// <summary>The token provider failed several times in a row.</summary>
    public const string TokenFailing = "token-failing";

    /// <summary>A fresh token was handed to the server over the open socket.</summary>
    public const string TokenRefreshed = "token-refreshed";

    /// <summary>A refresh of the token in use failed.</summary>
    public const string TokenRefreshFailed = "token-refresh-failed";

    /// <summary>A message on a declared data channel was taken: handed to the live connection, or queued.</summary>
    public const string DataSend = "data-send";

    /// <summary>A message arrived from a remote peer on a data channel.</summary>
    public const string DataReceived = "data-received";

    /// <summary>A media verb failed where the engine's policy tolerates it (a remote candidate, a close): nothing else follows.</summary>
    public const string MediaFailureTolerated = "media-failure-tolerated";

    /// <summary>The engine dropped an input by a stated rule.</summary>
    public const string Ignored = "ignored";

    /// <summary>The world saw a peer converge again after a fault.</summary>
    public const string Heal = "heal";

    /// <summary>A checker found a broken invariant.</summary>
    public const string InvariantViolation = "invariant-violation";

    /// <summary>Every kind, in the order docs/trace.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        StateChange, PeerJoined, PeerLeft, RemoteStateChange, StreamAdded, StreamRemoved, Error, Fault,
        SocketAttempt, SocketRetry, IceRestart, EscalationStep, MediaFrozen, ConnectionBuilt, DataChannelsReset, MetadataChanged,
        StillReconnecting, ReconnectingVisible, ReconnectingRecovered, PeerAway, PeerBack, TokenFailing, TokenRefreshed, TokenRefreshFailed, DataSend, DataReceived, MediaFailureTolerated, Ignored, Heal, InvariantViolation,
    ];
}

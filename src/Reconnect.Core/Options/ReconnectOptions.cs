using Reconnect.Core.Policies;

namespace Reconnect;

/// <summary>Every knob of the reconnect engine, with the defaults of the published behaviour it improves on.</summary>
public sealed record ReconnectOptions
{
    /// <summary>Signalling socket backoff.</summary>
    public SocketBackoffOptions Backoff { get; init; } = new();

    /// <summary>Welcome timeout, ping and liveness.</summary>
    public HeartbeatOptions Heartbeat { get; init; } = new();

    /// <summary>Token provider timeout and failure notices.</summary>
    public TokenProviderOptions Token { get; init; } = new();

    /// <summary>The ICE restart ladder.</summary>
    public IceRestartLadderOptions IceRestart { get; init; } = new();

    /// <summary>The remedies after a remote peer's ICE restart ladder is spent: a fresh connection, a socket resume, a rejoin.</summary>
    public EscalationOptions Escalation { get; init; } = new();

    /// <summary>Channel reconcile after a socket reconnect.</summary>
    public ReconcileOptions Reconcile { get; init; } = new();

    /// <summary>Data channels the library opens on every media connection and keeps sending on across reconnects; none by default.</summary>
    public DataChannelOptions DataChannels { get; init; } = new();

    /// <summary>The frozen-media watchdog: connected media that stops advancing starts the ICE restart ladder.</summary>
    public MediaWatchdogOptions MediaWatchdog { get; init; } = new();

    /// <summary>When false (default) a failed first connect fails fast to the caller; when true it retries like a reconnect.</summary>
    public bool RetryFirstConnect { get; init; }

    /// <summary>When true every media connection is rebuilt after a socket reconnect, even a healthy one.</summary>
    public bool ForceMediaRestartOnReconnect { get; init; }

    /// <summary>What to do after an eviction.</summary>
    public EvictionBehaviour OnEvicted { get; init; } = EvictionBehaviour.RejoinAsNew;

    /// <summary>After this long in reconnecting, a "still reconnecting" notice is raised.</summary>
    public TimeSpan StillReconnectingAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The least time between two "retry now" presses the engine takes (see <c>RetryNowRequested</c>); a press sooner
    /// is refused with an <c>InputIgnoredNotice</c> naming when the next is taken. Default 5 s: a taken press costs the
    /// server at most one socket attempt and one ICE restart per remote peer, so 5 s bounds a user hammering the button
    /// to the load of the backoff's first steps (1 s, 2 s, 4 s) rather than a storm, while a user who waits for the
    /// result of a press (a connect takes a second or two) and tries again is never refused. Must be positive.
    /// </summary>
    public TimeSpan RetryNowMinInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the local peer, or a remote peer, must have been reconnecting before a "reconnecting visible" notice
    /// tells the app to show its banner; a matching "recovered" notice follows when that reconnect heals. Most drops
    /// heal within a second (a Wi-Fi roam, a NAT rebinding, a socket the liveness check replaced): a banner shown at
    /// once would flicker on and off for each of them, so the library holds it back instead of every app doing so.
    /// Must be positive; zero would show every blip.
    /// </summary>
    public TimeSpan ReconnectingVisibleAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long signals from a peer not yet in the roster are held.</summary>
    public TimeSpan PendingSignalHold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many held signals are kept at most, over all unknown peers.</summary>
    public int PendingSignalCapacity { get; init; } = 256;

    /// <summary>How long leaving waits for the socket to close after the leave message.</summary>
    public TimeSpan LeaveTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a socket closed by the client may wait for the frames already sent (the leave a close sends first)
    /// to be flushed before it closes; at most <see cref="LeaveTimeout"/>. Zero closes at once.
    /// </summary>
    public TimeSpan CloseFlushTimeout { get; init; } = TimeSpan.FromMilliseconds(250);
}

namespace Reconnect.Core.Engine;

/// <summary>The kinds of timer the engine arms; at most one of each kind per owner is live.</summary>
public enum TimerKind
{
    /// <summary>The token provider did not answer in time.</summary>
    TokenTimeout,

    /// <summary>Backoff wait before the next socket attempt.</summary>
    SocketRetry,

    /// <summary>Time for a cheap probe while the local network is unreachable.</summary>
    OfflineProbe,

    /// <summary>No welcome arrived after the socket opened.</summary>
    WelcomeTimeout,

    /// <summary>Time to send the next ping.</summary>
    Ping,

    /// <summary>No inbound frame for the liveness timeout.</summary>
    Liveness,

    /// <summary>The ping sent on a wake went unanswered.</summary>
    WakeProbe,

    /// <summary>The socket stayed up long enough to forget earlier flaps.</summary>
    StableWindow,

    /// <summary>Still reconnecting after the configured time.</summary>
    StillReconnecting,

    /// <summary>The roster did not arrive in time during reconcile.</summary>
    ReconcileDeadline,

    /// <summary>Leaving took too long.</summary>
    LeaveTimeout,

    /// <summary>A remote peer's <c>disconnected</c> grace ran out.</summary>
    IceDisconnectedGrace,

    /// <summary>Time for a remote peer's next ICE restart attempt.</summary>
    IceRestartDue,

    /// <summary>A remote peer's restart or first connect did not connect in time.</summary>
    IceAttemptTimeout,

    /// <summary>Signals held for an unknown peer expired.</summary>
    PendingSignalExpiry,

    /// <summary>A remote peer whose session the server lost did not rejoin in time.</summary>
    RejoinWait,

    /// <summary>Time to fetch a fresh token for the open socket, ahead of the expiry of the one in use.</summary>
    TokenRefreshDue,

    /// <summary>The token provider did not answer a refresh in time.</summary>
    TokenRefreshTimeout,

    /// <summary>The local peer, or a remote peer, has been reconnecting long enough to show it.</summary>
    ReconnectingVisible,

    /// <summary>A remote peer's escalation step did not heal within its bound.</summary>
    EscalationBound,
}

/// <summary>Names one armed timer. A fired timer whose id is no longer armed is ignored by rule.</summary>
/// <param name="Kind">What the timer is for.</param>
/// <param name="Owner">The remote peer it belongs to, or empty for the local peer.</param>
/// <param name="Sequence">A number unique over the engine's life.</param>
public readonly record struct TimerId(TimerKind Kind, string Owner, long Sequence)
{
    /// <inheritdoc />
    public override string ToString() => Owner.Length == 0 ? $"{Kind}#{Sequence}" : $"{Kind}({Owner})#{Sequence}";
}

namespace Reconnect;

/// <summary>How the channel is reconciled after a socket reconnect.</summary>
public sealed record ReconcileOptions
{
    /// <summary>How long to wait for a roster snapshot before asking again.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times the roster is asked for again before a ReconcileTimeout error is raised.</summary>
    public int RosterRetries { get; init; } = 2;

    /// <summary>
    /// After the ReconcileTimeout error, how many roster requests go out (the first with the error, then one per
    /// deadline) before the socket is given up as unable to reconcile and replaced by a reconnect, which starts a
    /// fresh round. With the defaults the socket is given up 60 s after the welcome.
    /// </summary>
    public int TimedOutRequests { get; init; } = 3;

    /// <summary>
    /// The least time between two roster re-reads asked for because a signal came from a peer the engine does not
    /// know (a join it missed); the signal is held meanwhile.
    /// </summary>
    public TimeSpan UnknownPeerReread { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a remote peer the server lost (absent from the roster after the local peer had to rejoin as a new
    /// session, with no record of its departure) is kept reconnecting for its own rejoin, when the welcome did not
    /// announce the server's silence grace; with a grace announced, the wait is that grace plus a ping interval, the
    /// latest a server that kept its memory would have evicted it.
    /// </summary>
    public TimeSpan RejoinWait { get; init; } = TimeSpan.FromSeconds(45);
}

namespace Reconnect.Channel;

/// <summary>The kinds of <see cref="ChannelNotice"/>.</summary>
public static class ChannelNoticeKinds
{
    /// <summary>A connection presented an acceptable token.</summary>
    public const string Accepted = "accepted";

    /// <summary>A connection was refused: bad token, over capacity, channel not allowed or channel full.</summary>
    public const string Rejected = "rejected";

    /// <summary>A new session joined a channel.</summary>
    public const string Joined = "joined";

    /// <summary>A session was reattached to a new connection.</summary>
    public const string Resumed = "resumed";

    /// <summary>A join named a session that no longer exists; the client was told it was evicted.</summary>
    public const string ResumeRefused = "resume-refused";

    /// <summary>A session was removed because the same peer joined again.</summary>
    public const string Replaced = "replaced";

    /// <summary>A session's connection closed; the session waits for a resume.</summary>
    public const string Detached = "detached";

    /// <summary>A session left the channel on request.</summary>
    public const string Left = "left";

    /// <summary>A session was silent for the silence grace and was removed.</summary>
    public const string Evicted = "evicted";

    /// <summary>An operator removed a session.</summary>
    public const string Kicked = "kicked";

    /// <summary>A session's metadata or streams changed.</summary>
    public const string Updated = "updated";

    /// <summary>A signal was relayed to its target.</summary>
    public const string Relayed = "relayed";

    /// <summary>A signal was dropped: the target is unknown or detached.</summary>
    public const string Dropped = "dropped";

    /// <summary>A frame could not be decoded or carried invalid fields.</summary>
    public const string Malformed = "malformed";

    /// <summary>A well-formed input did not apply: not joined, already joined, unknown connection or peer.</summary>
    public const string Ignored = "ignored";

    /// <summary>A connection was closed because its token expired.</summary>
    public const string TokenExpired = "token-expired";

    /// <summary>A joined connection handed over a fresh token and the server took it.</summary>
    public const string TokenRefreshed = "token-refreshed";

    /// <summary>A connection was told the server is going away and closed.</summary>
    public const string GoingAway = "going-away";

    /// <summary>A kept session's socket is gone (closed, or a heartbeat missed); the other members were told <c>peer-away</c>.</summary>
    public const string Away = "away";

    /// <summary>A session told away was heard again; the other members were told <c>peer-back</c>.</summary>
    public const string Back = "back";
}

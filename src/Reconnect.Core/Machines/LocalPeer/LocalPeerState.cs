namespace Reconnect;

/// <summary>The local peer's user-visible states.</summary>
public enum LocalPeerState
{
    /// <summary>Not in a channel.</summary>
    Idle,

    /// <summary>Joining a channel.</summary>
    Joining,

    /// <summary>In the channel.</summary>
    Joined,

    /// <summary>In the channel, but the signalling dropped and is being restored.</summary>
    Reconnecting,

    /// <summary>Leaving the channel.</summary>
    Leaving,

    /// <summary>Closed for good.</summary>
    Closed,
}

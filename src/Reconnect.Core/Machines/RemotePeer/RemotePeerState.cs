namespace Reconnect;

/// <summary>A remote peer's states, as the application sees them.</summary>
public enum RemotePeerState
{
    /// <summary>Known from the roster; no media connection yet.</summary>
    Idle,

    /// <summary>The first media connection (or a rebuilt one before it ever connected) is being established.</summary>
    Connecting,

    /// <summary>Media flows.</summary>
    Connected,

    /// <summary>Media was lost and is being restored (grace, ICE restart ladder, a rebuilt connection, or an escalation step).</summary>
    Reconnecting,

    /// <summary>Closed: the peer left, the local peer closed, or every escalation round was spent.</summary>
    Closed,
}

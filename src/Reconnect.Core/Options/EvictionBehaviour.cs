namespace Reconnect;

/// <summary>What the local peer does after the server says its session was evicted.</summary>
public enum EvictionBehaviour
{
    /// <summary>Join again as a new session.</summary>
    RejoinAsNew,

    /// <summary>Close for good.</summary>
    Stop,
}

namespace Reconnect;

/// <summary>Where a <see cref="ReconnectClient"/> runs its engine.</summary>
public enum ClientRunMode
{
    /// <summary>
    /// The engine runs on a background task fed by a channel; commands, port results and timers may come from
    /// any thread. The production mode.
    /// </summary>
    Background,

    /// <summary>
    /// The engine runs on the thread that posts a command, a port result or a timer firing. Not thread-safe:
    /// for single-threaded tests driven by a virtual clock. Events are still raised off that thread.
    /// </summary>
    Inline,
}

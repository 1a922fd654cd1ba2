namespace Reconnect;

/// <summary>The names of the client's meter and instruments, for listeners and exporters.</summary>
public static class ReconnectDiagnostics
{
    /// <summary>The meter every client records on.</summary>
    public const string MeterName = "Reconnect";

    /// <summary>Counter: signalling socket connect attempts.</summary>
    public const string SocketAttempts = "reconnect.socket.attempts";

    /// <summary>Counter: ICE restart attempts, over all remote peers.</summary>
    public const string IceRestarts = "reconnect.ice.restarts";

    /// <summary>
    /// Counter: typed errors, tagged with <see cref="KindTag"/>. A command the client refused in its state
    /// (<see cref="CommandRejected"/>, such as a join after close) is the caller's mistake, not a
    /// connection's trouble, and is not counted.
    /// </summary>
    public const string Errors = "reconnect.errors";

    /// <summary>Counter: remote peers that truly left, tagged with <see cref="ReasonTag"/>.</summary>
    public const string PeersLeft = "reconnect.peers.left";

    /// <summary>
    /// Counter: application event handlers that threw, tagged with <see cref="EventTag"/>; each is also an
    /// <see cref="UnhandledHandlerExceptionEvent"/> and a log entry, so it is seen even with no logger and no subscriber.
    /// </summary>
    public const string HandlerFailures = "reconnect.handler.failures";

    /// <summary>Histogram: milliseconds from entering reconnecting to joined again.</summary>
    public const string HealDuration = "reconnect.heal.duration";

    /// <summary>The tag naming an error's kind, such as <c>TerminalCloseError</c>.</summary>
    public const string KindTag = "kind";

    /// <summary>The tag naming the event whose handler threw, such as <c>ReconnectClient.StateChanged</c>.</summary>
    public const string EventTag = "event";

    /// <summary>The tag naming why a remote peer left.</summary>
    public const string ReasonTag = "reason";
}

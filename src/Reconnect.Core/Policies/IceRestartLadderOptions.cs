namespace Reconnect;

/// <summary>The per-remote-peer ICE restart ladder.</summary>
public sealed record IceRestartLadderOptions
{
    /// <summary>The wait before each restart attempt, the first at once: about 121 s in all.</summary>
    public IReadOnlyList<TimeSpan> Delays { get; init; } =
        [.. new[] { 0, 1, 2, 4, 8, 16, 30, 30, 30 }.Select(s => TimeSpan.FromSeconds(s))];

    /// <summary>A restart offer unanswered, or a restart not connected, after this long counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>On <c>disconnected</c>, how long to wait before starting the ladder.</summary>
    public TimeSpan DisconnectedGrace { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// When true (default), <c>disconnected</c> starts the ladder after the grace; when false, only <c>failed</c>
    /// does (the published behaviour of the best-known SDK, kept for comparison).
    /// </summary>
    public bool RestartOnDisconnected { get; init; } = true;

    /// <summary>How long a new media connection may take to connect before it counts as failed.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);
}

namespace Reconnect.Channel;

/// <summary>The limits the channel server enforces.</summary>
public sealed record ChannelServerOptions
{
    /// <summary>
    /// A session is evicted once no frame was heard from it for this long after its next heartbeat was due: the
    /// last frame heard, plus the ping interval the client announced (see <see cref="MaxHeartbeatAllowance"/>),
    /// plus this grace. The welcome tells the client this value.
    /// </summary>
    public TimeSpan SilenceGrace { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// The most a client's announced ping interval may add to its silence budget; a longer announced interval is
    /// cut to this. Zero makes the server count its grace from the last frame heard, whatever the client announces.
    /// </summary>
    public TimeSpan MaxHeartbeatAllowance { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a session closed by a terminal code (a kick with 4005 <c>admin_disconnect</c>, ...) is remembered, so
    /// that a peer away when it happened is refused with that code when it tries to resume. At least the silence grace.
    /// </summary>
    public TimeSpan TerminalCloseMemory { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The most terminal closes remembered at once; when full, the oldest is forgotten first.</summary>
    public int TerminalCloseCapacity { get; init; } = 10_000;

    /// <summary>The longest retry hint a going-away message carries: half the silence grace, so a client that honours it still resumes.</summary>
    public TimeSpan MaxRetryHint => SilenceGrace / 2;

    /// <summary>The most connections one account may hold open at once.</summary>
    public int MaxConnectionsPerAccount { get; init; } = 1000;

    /// <summary>The most sessions one channel may hold.</summary>
    public int RosterCapacity { get; init; } = 500;

    /// <summary>How long an ended session and its reason are remembered, for rosters and refused resumes.</summary>
    public TimeSpan DepartureMemory { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The most ended sessions remembered at once, over every channel.</summary>
    public int DepartureCapacity { get; init; } = 1024;

    /// <summary>
    /// What every session id of this server instance starts with (ids are the prefix and a counter). A server that
    /// restarts after losing its state takes a new prefix, so no new session reuses the id of a lost one.
    /// </summary>
    public string SessionIdPrefix { get; init; } = "s";

    /// <summary>Throws <see cref="ArgumentException"/> listing every failure when a limit is out of range.</summary>
    /// <returns>This instance, when valid.</returns>
    public ChannelServerOptions Validate()
    {
        var failures = new List<string>();
        if (SilenceGrace <= TimeSpan.Zero)
        {
            failures.Add("SilenceGrace must be positive.");
        }

        if (MaxHeartbeatAllowance < TimeSpan.Zero)
        {
            failures.Add("MaxHeartbeatAllowance must not be negative.");
        }

        if (TerminalCloseMemory < SilenceGrace)
        {
            failures.Add("TerminalCloseMemory must be at least SilenceGrace.");
        }

        if (TerminalCloseCapacity < 1)
        {
            failures.Add("TerminalCloseCapacity must be at least 1.");
        }

        if (MaxConnectionsPerAccount < 1)
        {
            failures.Add("MaxConnectionsPerAccount must be at least 1.");
        }

        if (RosterCapacity < 1)
        {
            failures.Add("RosterCapacity must be at least 1.");
        }

        if (DepartureMemory < TimeSpan.Zero)
        {
            failures.Add("DepartureMemory must not be negative.");
        }

        if (DepartureCapacity < 0)
        {
            failures.Add("DepartureCapacity must not be negative.");
        }

        if (string.IsNullOrEmpty(SessionIdPrefix))
        {
            failures.Add("SessionIdPrefix must not be empty.");
        }

        return failures.Count == 0
            ? this
            : throw new ArgumentException($"Invalid {nameof(ChannelServerOptions)}: {string.Join(" ", failures)}");
    }
}

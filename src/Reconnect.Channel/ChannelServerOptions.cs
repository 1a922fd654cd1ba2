namespace Reconnect.Channel;

/// <summary>The limits the channel server enforces.</summary>
public sealed record ChannelServerOptions
{
    /// <summary>A session from which no frame was heard for this long is evicted.</summary>
    public TimeSpan SilenceGrace { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>The most connections one account may hold open at once.</summary>
    public int MaxConnectionsPerAccount { get; init; } = 1000;

    /// <summary>The most sessions one channel may hold.</summary>
    public int RosterCapacity { get; init; } = 500;

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

        if (MaxConnectionsPerAccount < 1)
        {
            failures.Add("MaxConnectionsPerAccount must be at least 1.");
        }

        if (RosterCapacity < 1)
        {
            failures.Add("RosterCapacity must be at least 1.");
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

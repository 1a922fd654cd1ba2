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

    /// <summary>How long an ended session and its reason are remembered, for rosters and refused resumes.</summary>
    public TimeSpan DepartureMemory { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The most ended sessions remembered at once, over every channel.</summary>
    public int DepartureCapacity { get; init; } = 1024;

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

        if (DepartureMemory < TimeSpan.Zero)
        {
            failures.Add("DepartureMemory must not be negative.");
        }

        if (DepartureCapacity < 0)
        {
            failures.Add("DepartureCapacity must not be negative.");
        }

        return failures.Count == 0
            ? this
            : throw new ArgumentException($"Invalid {nameof(ChannelServerOptions)}: {string.Join(" ", failures)}");
    }
}

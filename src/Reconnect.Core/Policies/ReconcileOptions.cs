namespace Reconnect.Core.Policies;

/// <summary>How the channel is reconciled after a socket reconnect.</summary>
public sealed record ReconcileOptions
{
    /// <summary>How long to wait for a roster snapshot before asking again.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times the roster is asked for again before a ReconcileTimeout error is raised.</summary>
    public int RosterRetries { get; init; } = 2;
}

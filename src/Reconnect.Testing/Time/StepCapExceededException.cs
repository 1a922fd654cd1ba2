namespace Reconnect.Testing.Time;

/// <summary>
/// Thrown when a run of a <see cref="VirtualTimeProvider"/> would exceed its step cap: a livelock,
/// a periodic timer that never lets the queue drain, or a cap set too low.
/// </summary>
public sealed class StepCapExceededException : Exception
{
    /// <summary>Creates the exception for a cap exceeded at a virtual time with a next pending item.</summary>
    public StepCapExceededException(int maxSteps, TimeSpan virtualTime, string? nextLabel, int pendingCount)
        : base($"Step cap of {maxSteps} exceeded at virtual time {virtualTime} with {pendingCount} item(s) pending; "
            + $"next pending: '{nextLabel ?? "(none)"}'.")
    {
        MaxSteps = maxSteps;
        VirtualTime = virtualTime;
        NextLabel = nextLabel;
        PendingCount = pendingCount;
    }

    /// <summary>The cap that was exceeded.</summary>
    public int MaxSteps { get; }

    /// <summary>The virtual elapsed time when the cap was hit.</summary>
    public TimeSpan VirtualTime { get; }

    /// <summary>The label of the next pending item (in queue order), if any.</summary>
    public string? NextLabel { get; }

    /// <summary>How many items were still queued.</summary>
    public int PendingCount { get; }
}

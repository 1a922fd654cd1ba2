namespace Reconnect.Testing.Time;

/// <summary>
/// One item in a <see cref="VirtualTimeProvider"/> queue: an action due at a virtual time, with a
/// label for choosers and diagnostics. Cancel it to take it out of the queue.
/// </summary>
public sealed class ScheduledWork
{
    private readonly VirtualTimeProvider _owner;
    private readonly Action _action;

    internal ScheduledWork(VirtualTimeProvider owner, TimeSpan due, long sequence, Action action, string label)
    {
        _owner = owner;
        Due = due;
        Sequence = sequence;
        _action = action;
        Label = label;
    }

    /// <summary>The label given when the work was scheduled.</summary>
    public string Label { get; }

    /// <summary>The virtual elapsed time at which the work is due.</summary>
    public TimeSpan Due { get; }

    /// <summary>Whether the work is still queued (neither run nor cancelled).</summary>
    public bool IsPending { get; internal set; }

    internal long Sequence { get; }

    /// <summary>Removes the work from the queue; returns false when it already ran or was cancelled.</summary>
    public bool Cancel() => _owner.Remove(this);

    internal void Execute() => _action();

    /// <inheritdoc />
    public override string ToString() => $"{Label}@{Due}";
}

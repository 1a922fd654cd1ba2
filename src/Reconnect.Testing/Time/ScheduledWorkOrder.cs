namespace Reconnect.Testing.Time;

/// <summary>Orders queued work by due time, then by scheduling sequence.</summary>
internal sealed class ScheduledWorkOrder : IComparer<ScheduledWork>
{
    public static ScheduledWorkOrder Instance { get; } = new();

    public int Compare(ScheduledWork? x, ScheduledWork? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byDue = x.Due.CompareTo(y.Due);
        return byDue != 0 ? byDue : x.Sequence.CompareTo(y.Sequence);
    }
}

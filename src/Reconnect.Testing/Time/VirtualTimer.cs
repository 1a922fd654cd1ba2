namespace Reconnect.Testing.Time;

/// <summary>
/// An <see cref="ITimer"/> on a <see cref="VirtualTimeProvider"/>: each arming is one queued item;
/// a periodic timer re-arms itself before its callback runs, as the system timer does.
/// </summary>
internal sealed class VirtualTimer : ITimer
{
    private static readonly TimeSpan MaxSupportedTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly VirtualTimeProvider _provider;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly string _label;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private ScheduledWork? _pending;
    private bool _disposed;

    public VirtualTimer(VirtualTimeProvider provider, TimerCallback callback, object? state, string label)
    {
        _provider = provider;
        _callback = callback;
        _state = state;
        _label = label;
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, nameof(dueTime));
        Validate(period, nameof(period));
        if (_disposed)
        {
            return false;
        }

        Arm(dueTime, period);
        return true;
    }

    public void Dispose()
    {
        _disposed = true;
        Disarm();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal static void Validate(TimeSpan value, string parameterName)
    {
        if (value != Timeout.InfiniteTimeSpan && (value < TimeSpan.Zero || value > MaxSupportedTimeout))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                value,
                $"Must be Timeout.InfiniteTimeSpan or between zero and {MaxSupportedTimeout}.");
        }
    }

    internal void Arm(TimeSpan dueTime, TimeSpan period)
    {
        Disarm();
        _period = period;
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _pending = _provider.Schedule(dueTime, Fire, _label);
        }
    }

    private void Disarm()
    {
        _pending?.Cancel();
        _pending = null;
    }

    private void Fire()
    {
        _pending = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero
            ? null
            : _provider.Schedule(_period, Fire, _label);
        _callback(_state);
    }
}

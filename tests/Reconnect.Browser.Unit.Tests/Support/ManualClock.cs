namespace Reconnect.Browser.Unit.Tests.Support;

/// <summary>
/// A clock whose time moves only when told (<see cref="Advance"/>), and whose timers fire only when told
/// (<see cref="Fire"/>): the page's timers standing still while time runs on is what a sleeping machine or a frozen page
/// looks like.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly List<(TimerCallback Callback, object? State)> _timers = [];
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;

    /// <summary>Fires every timer created so far, once.</summary>
    public void Fire()
    {
        foreach (var (callback, state) in _timers.ToList())
        {
            callback(state);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Add((callback, state));
        return new Stopped();
    }

    private sealed class Stopped : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

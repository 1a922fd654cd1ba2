using Reconnect.Hosting;

namespace Reconnect.Browser.Platform;

/// <summary>
/// Notices that the page's timers stood still: a tick every second that comes more than the sleep threshold late (the
/// machine slept, or the browser froze or throttled the page), checked again when the page comes back (visibilitychange
/// to visible, resume). The engine is then told it woke, for the time lost. A wall clock that ran ahead of the monotonic
/// one is the pump's to notice, on its next input.
/// </summary>
internal sealed class SleepWatch : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _time;
    private readonly Action<TimeSpan> _wokeUp;
    private readonly ITimer _timer;
    private long _last;

    public SleepWatch(TimeProvider time, Action<TimeSpan> wokeUp)
    {
        _time = time;
        _wokeUp = wokeUp;
        _last = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Check(), null, Tick, Tick);
    }

    /// <summary>The page's lifecycle changed: <c>visible</c> and <c>resume</c> check at once whether time was lost.</summary>
    public void LifecycleChanged(string what)
    {
        if (what is "visible" or "resume")
        {
            Check();
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Check()
    {
        var now = _time.GetTimestamp();
        var gap = _time.GetElapsedTime(_last, now);
        _last = now;
        if (gap > Tick + EnginePump.DefaultSleepThreshold)
        {
            _wokeUp(gap - Tick);
        }
    }
}

using Reconnect.Testing.Time;

namespace Reconnect.Transports.Tests.Hosting;

/// <summary>
/// A clock whose timers fire up to <paramref name="early"/> before they are due (at most half their delay early, so a timer
/// armed again for the rest still moves time on), as a browser's setTimeout may against the engine's clock.
/// </summary>
internal sealed class EarlyTimerClock(VirtualTimeProvider shared, TimeSpan early) : TimeProvider
{
    public override long TimestampFrequency => shared.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => shared.GetUtcNow();

    public override long GetTimestamp() => shared.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        shared.CreateTimer(callback, state, dueTime - (early < dueTime / 2 ? early : dueTime / 2), period);
}

namespace Reconnect.Testing.Time;

/// <summary>
/// One host's view of the shared virtual clock: the same monotonic time and timers as every other host, and a wall
/// clock of its own that a fault can step forwards or backwards (an NTP correction), without touching anyone's
/// monotonic time.
/// </summary>
public sealed class HostClock : TimeProvider
{
    private readonly VirtualTimeProvider _shared;

    /// <summary>Creates a view of the shared clock whose wall clock starts in step with it.</summary>
    public HostClock(VirtualTimeProvider shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        _shared = shared;
    }

    /// <summary>How far this host's wall clock is from the shared one.</summary>
    public TimeSpan WallOffset { get; private set; }

    /// <inheritdoc />
    public override long TimestampFrequency => _shared.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _shared.LocalTimeZone;

    /// <summary>Steps this host's wall clock by <paramref name="offset"/> (negative steps it back); monotonic time is untouched.</summary>
    public void StepWallClock(TimeSpan offset) => WallOffset += offset;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _shared.GetUtcNow() + WallOffset;

    /// <inheritdoc />
    public override long GetTimestamp() => _shared.GetTimestamp();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _shared.CreateTimer(callback, state, dueTime, period);
}

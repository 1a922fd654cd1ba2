namespace Reconnect.Server.Signalling;

/// <summary>
/// A connection's frame budget: a token bucket of <c>burst</c> frames refilled at <c>perSecond</c> frames a second,
/// full when the connection opens. A frame finding the bucket empty is refused. Kept as the time the bucket would be
/// full again (a generic cell rate algorithm), in integer ticks scaled by the rate, so it is exact at any rate and
/// over any lifetime. Not thread-safe (one reader per socket).
/// </summary>
internal sealed class FrameRate
{
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly int _perSecond;
    private readonly Int128 _burst;
    private Int128 _fullAt;

    public FrameRate(int perSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _time = time;
        _start = time.GetTimestamp();
        _perSecond = perSecond;
        _burst = (Int128)burst * TimeSpan.TicksPerSecond;
    }

    /// <summary>Takes one frame from the bucket; false when it is empty (the frame is refused and takes nothing).</summary>
    public bool Allow()
    {
        var now = (Int128)_time.GetElapsedTime(_start).Ticks * _perSecond;
        var fullAt = (_fullAt > now ? _fullAt : now) + TimeSpan.TicksPerSecond;
        if (fullAt - now > _burst)
        {
            return false;
        }

        _fullAt = fullAt;
        return true;
    }
}

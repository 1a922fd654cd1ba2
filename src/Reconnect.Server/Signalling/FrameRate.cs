namespace Reconnect.Server.Signalling;

/// <summary>Counts a connection's frames in fixed one-second windows of the host's clock; not thread-safe (one reader per socket).</summary>
internal sealed class FrameRate(int maxPerSecond, TimeProvider time)
{
    private long windowStart = time.GetTimestamp();
    private int count;

    /// <summary>Counts one frame; false when it is over the limit of its window.</summary>
    public bool Allow()
    {
        if (time.GetElapsedTime(windowStart) >= TimeSpan.FromSeconds(1))
        {
            windowStart = time.GetTimestamp();
            count = 0;
        }

        return ++count <= maxPerSecond;
    }
}

using System.Collections.Concurrent;

namespace Reconnect.LoadBench;

/// <summary>What every client of a run adds up to: frames each way, drops, welcomes, and welcomes per second of the storm.</summary>
internal sealed class LoadCounters
{
    private readonly ConcurrentDictionary<long, int> welcomesPerSecond = new();
    private long stormStart = long.MaxValue;

    /// <summary>Frames received by every client.</summary>
    public long FramesIn;

    /// <summary>Frames sent by every client.</summary>
    public long FramesOut;

    /// <summary>Sockets that ended, by a cut or a close.</summary>
    public long Drops;

    /// <summary>Welcomes received, first joins and reconnects.</summary>
    public long Welcomes;

    /// <summary>Welcomes with the session resumed.</summary>
    public long Resumed;

    /// <summary>Starts counting the storm's reconnects from now.</summary>
    public void StartStorm(long timestamp) => Interlocked.Exchange(ref stormStart, timestamp);

    /// <summary>Counts a welcome; after the storm started, in its second since the storm.</summary>
    public void Welcomed(bool resumed)
    {
        if (resumed)
        {
            Interlocked.Increment(ref Resumed);
        }

        var start = Interlocked.Read(ref stormStart);
        var now = TimeProvider.System.GetTimestamp();
        if (now >= start)
        {
            welcomesPerSecond.AddOrUpdate((long)TimeProvider.System.GetElapsedTime(start, now).TotalSeconds, 1, (_, n) => n + 1);
        }
    }

    /// <summary>The most reconnects welcomed in one second of the storm.</summary>
    public int PeakReconnectsPerSecond => welcomesPerSecond.IsEmpty ? 0 : welcomesPerSecond.Values.Max();
}

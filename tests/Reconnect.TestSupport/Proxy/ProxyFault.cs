namespace Reconnect.TestSupport.Proxy;

/// <summary>What a <see cref="FaultProxy"/> does to the bytes of a connection, in each direction.</summary>
public abstract record ProxyFault
{
    private protected ProxyFault()
    {
    }

    /// <summary>Forwards every byte at once.</summary>
    public static ProxyFault Pass { get; } = new PassFault();

    /// <summary>
    /// Accepts bytes and forwards nothing, never closing: what a silent path loss looks like to TCP. The held bytes (and a
    /// close or reset that came after them) go on in order once the fault lifts, as TCP's retransmissions would deliver them.
    /// </summary>
    public static ProxyFault Blackhole { get; } = new BlackholeFault();

    /// <summary>Cuts every connection it applies to at once, and each new one as soon as it is accepted.</summary>
    public static ProxyFault Cut(CutStyle style) => new CutFault(style);

    /// <summary>Forwards each chunk <paramref name="latency"/> after it arrived, in order.</summary>
    public static ProxyFault Delay(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        return new DelayFault(latency);
    }

    /// <summary>Forwards at most <paramref name="bytesPerSecond"/> in each direction of a connection.</summary>
    public static ProxyFault Throttle(long bytesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerSecond, 1);
        return new ThrottleFault(bytesPerSecond);
    }
}

/// <summary>Forwards every byte at once.</summary>
public sealed record PassFault : ProxyFault;

/// <summary>Holds every byte, forwarding nothing and closing nothing.</summary>
public sealed record BlackholeFault : ProxyFault;

/// <summary>Cuts connections.</summary>
/// <param name="Style">A reset or an orderly close.</param>
public sealed record CutFault(CutStyle Style) : ProxyFault;

/// <summary>Adds latency.</summary>
/// <param name="Latency">How long each chunk waits after it arrived.</param>
public sealed record DelayFault(TimeSpan Latency) : ProxyFault;

/// <summary>Limits the rate.</summary>
/// <param name="BytesPerSecond">The rate in each direction of a connection.</param>
public sealed record ThrottleFault(long BytesPerSecond) : ProxyFault;

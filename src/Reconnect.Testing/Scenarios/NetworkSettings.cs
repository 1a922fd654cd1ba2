namespace Reconnect.Testing.Scenarios;

/// <summary>The simulated network every link starts with, before any latency or loss fault.</summary>
public sealed record NetworkSettings
{
    /// <summary>One-way delay of every delivery, in milliseconds.</summary>
    public int LatencyMs { get; init; } = 40;

    /// <summary>Random extra delay of up to this many milliseconds on each delivery.</summary>
    public int JitterMs { get; init; } = 5;

    /// <summary>The probability that a packet is dropped, in [0, 1).</summary>
    public double Loss { get; init; }
}

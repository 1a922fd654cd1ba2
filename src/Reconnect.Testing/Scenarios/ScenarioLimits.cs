namespace Reconnect.Testing.Scenarios;

/// <summary>
/// The largest sizes a scenario may ask for. A run far beyond them would take hours of wall time or memory the
/// machine does not have, or overflow the runtime's own ranges, so the validator refuses them by name.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>The most peers in one scenario.</summary>
    public const int MaxPeers = 64;

    /// <summary>The most streams one peer declares.</summary>
    public const int MaxStreamsPerPeer = 16;

    /// <summary>The most faults on a timeline.</summary>
    public const int MaxFaults = 10_000;

    /// <summary>The longest safety phase, recovery bound and fault duration: 6 hours, in milliseconds.</summary>
    public const int MaxDurationMs = 6 * 60 * 60 * 1000;

    /// <summary>The longest silence grace and retry hint: 1 hour, in milliseconds.</summary>
    public const int MaxGraceMs = 60 * 60 * 1000;

    /// <summary>The largest latency or jitter of a link: 60 s, in milliseconds.</summary>
    public const int MaxLatencyMs = 60_000;

    /// <summary>The largest count of a token fault.</summary>
    public const int MaxCount = 1_000;
}

namespace Reconnect.Testing.Scenarios;

/// <summary>How the simulated signalling server is configured.</summary>
public sealed record ServerSettings
{
    /// <summary>How long a session survives with nothing heard from its peer before it is evicted, in milliseconds.</summary>
    public int SilenceGraceMs { get; init; } = 45_000;
}

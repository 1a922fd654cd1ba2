using System.Text.Json.Serialization;

namespace Reconnect.Testing.Scenarios;

/// <summary>How the simulated signalling server is configured.</summary>
public sealed record ServerSettings
{
    /// <summary>How long a session survives with nothing heard from its peer before it is evicted, in milliseconds.</summary>
    public int SilenceGraceMs { get; init; } = 45_000;

    /// <summary>How long each issued token stays valid, in milliseconds; null (the default) for tokens that never expire.</summary>
    public int? TokenLifetimeMs { get; init; }

    /// <summary><see cref="TokenLifetimeMs"/> as a span, or null.</summary>
    [JsonIgnore]
    public TimeSpan? TokenLifetime => TokenLifetimeMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
}

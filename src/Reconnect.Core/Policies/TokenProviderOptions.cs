namespace Reconnect.Core.Policies;

/// <summary>How the token provider is called before every connect attempt.</summary>
public sealed record TokenProviderOptions
{
    /// <summary>How long one call may take before it counts as a failed attempt.</summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After this many consecutive failures an informational notice carries the count.</summary>
    public int FailureNoticeThreshold { get; init; } = 3;
}

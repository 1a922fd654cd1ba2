namespace Reconnect;

/// <summary>How the token provider is called: before every connect attempt, and ahead of the expiry of the token in use.</summary>
public sealed record TokenProviderOptions
{
    /// <summary>How long one call may take before it counts as a failed attempt.</summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After this many consecutive failures an informational notice carries the count.</summary>
    public int FailureNoticeThreshold { get; init; } = 3;

    /// <summary>
    /// How long before the expiry of the token in use a fresh one is fetched and handed to the server over the open
    /// socket. A token whose lifetime is shorter than twice this is refreshed halfway through its life.
    /// </summary>
    public TimeSpan RefreshLead { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The refresh time is moved earlier by up to this fraction of the lead, at random, so that many clients do not ask at once.</summary>
    public double RefreshJitterFraction { get; init; } = 0.2;

    /// <summary>The first wait before a failed refresh is tried again; it doubles up to <see cref="RefreshRetryMaxDelay"/> until the token expires.</summary>
    public TimeSpan RefreshRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between refresh attempts.</summary>
    public TimeSpan RefreshRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After this many sockets in a row refused at connect with 4002 <c>token_expired</c>, with no welcome between them,
    /// the provider is taken to hand out only expired tokens: that close is terminal and surfaces its code. A token that
    /// expires during the call (a 4002 on a welcomed socket) does not count.
    /// </summary>
    public int ExpiredTokenCloseLimit { get; init; } = 3;
}

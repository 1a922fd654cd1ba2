using Reconnect.Core.Time;

namespace Reconnect.Core.Policies;

/// <summary>
/// When the token in use is refreshed over the open socket: <see cref="TokenProviderOptions.RefreshLead"/> before its
/// expiry (halfway through a life shorter than twice the lead), moved earlier by a random part of the lead; a failed
/// refresh is tried again with a doubling wait for as long as the token has not expired. Pure: the random draw is an input.
/// </summary>
internal static class TokenRefreshSchedule
{
    /// <summary>When to fetch the successor of a token fetched at <paramref name="fetchedAt"/> that expires at <paramref name="expiresAt"/>.</summary>
    /// <param name="fetchedAt">When the token arrived.</param>
    /// <param name="expiresAt">When it expires.</param>
    /// <param name="options">The lead and jitter.</param>
    /// <param name="random">A draw in [0, 1).</param>
    public static Instant RefreshAt(Instant fetchedAt, Instant expiresAt, TokenProviderOptions options, double random)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lifetime = expiresAt - fetchedAt;
        if (lifetime <= TimeSpan.Zero)
        {
            return fetchedAt;
        }

        var lead = lifetime < options.RefreshLead * 2 ? lifetime / 2 : options.RefreshLead;
        return new Instant(expiresAt.SinceOrigin - lead - (lead * (options.RefreshJitterFraction * random)));
    }

    /// <summary>When to try again after the <paramref name="failures"/>-th failed refresh in a row, or null once the token expires first.</summary>
    /// <param name="now">When the refresh failed.</param>
    /// <param name="failures">The failures in a row, at least 1.</param>
    /// <param name="expiresAt">When the token in use expires.</param>
    /// <param name="options">The retry waits.</param>
    public static Instant? RetryAt(Instant now, int failures, Instant expiresAt, TokenProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var doublings = Math.Min(failures - 1, 30);
        var wait = TimeSpan.FromTicks((long)Math.Min(options.RefreshRetryDelay.Ticks * Math.Pow(2, doublings), options.RefreshRetryMaxDelay.Ticks));
        var at = now + wait;
        return at < expiresAt ? at : null;
    }
}

using Reconnect.Core.Time;

namespace Reconnect.Core.Policies;

/// <summary>
/// The rate limit on the app's "retry now": a press is taken only once <see cref="ReconnectOptions.RetryNowMinInterval"/>
/// has passed since the last press that was taken, so a user pressing again and again cannot storm the server. A press
/// that found nothing to cut short was not taken and does not count. Pure.
/// </summary>
internal static class RetryNowLimit
{
    /// <summary>The first instant a press is taken, given the last press taken (null: none yet).</summary>
    public static Instant NextAllowed(Instant? lastTaken, TimeSpan minInterval) =>
        lastTaken is { } last ? last + minInterval : Instant.Zero;

    /// <summary>How long from <paramref name="now"/> until a press is taken; zero when it would be taken now.</summary>
    public static TimeSpan AvailableIn(Instant now, Instant? lastTaken, TimeSpan minInterval)
    {
        var next = NextAllowed(lastTaken, minInterval);
        return next > now ? next - now : TimeSpan.Zero;
    }
}

namespace Reconnect.Core.Policies;

/// <summary>
/// Jittered exponential backoff for the signalling socket. Pure: the caller passes the attempt number and
/// a uniform random sample, so the same inputs always give the same delay.
/// </summary>
public sealed class SocketBackoff
{
    private readonly SocketBackoffOptions _options;

    /// <summary>Creates the policy.</summary>
    public SocketBackoff(SocketBackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The options in force.</summary>
    public SocketBackoffOptions Options => _options;

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1 for the first retry): the capped exponential
    /// delay with jitter from <paramref name="randomUnit"/> in [0, 1), floored by <paramref name="floor"/>.
    /// </summary>
    public TimeSpan DelayBefore(int retry, double randomUnit, TimeSpan floor) => DelayBefore(retry, randomUnit, floor, null);

    /// <summary>
    /// As <see cref="DelayBefore(int, double, TimeSpan)"/>, with the delay before jitter also capped by
    /// <paramref name="ceiling"/> when given (a tighter cap for a while, such as while a session may still be resumed).
    /// </summary>
    public TimeSpan DelayBefore(int retry, double randomUnit, TimeSpan floor, TimeSpan? ceiling)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        if (randomUnit is < 0 or >= 1 || double.IsNaN(randomUnit))
        {
            throw new ArgumentOutOfRangeException(nameof(randomUnit), randomUnit, "A uniform sample in [0, 1) is required.");
        }

        var exponent = Math.Min(retry - 1, 64);
        var raw = _options.InitialDelay.TotalMilliseconds * Math.Pow(_options.Multiplier, exponent);
        var limit = ceiling is { } c && c < _options.MaxDelay ? c : _options.MaxDelay;
        var capped = Math.Min(raw, limit.TotalMilliseconds);
        var jitter = 1 + (_options.JitterFraction * ((2 * randomUnit) - 1));
        var delay = TimeSpan.FromMilliseconds(Math.Round(capped * jitter));
        return delay < floor ? floor : delay;
    }

    /// <summary>True when this many failed attempts in a row use up the budget.</summary>
    public bool IsExhausted(int failedAttempts) => failedAttempts >= _options.MaxAttempts;
}

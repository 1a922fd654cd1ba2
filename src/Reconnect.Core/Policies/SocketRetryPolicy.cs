
namespace Reconnect.Core.Policies;

/// <summary>What the wait before the socket's next attempt depends on, besides the random sample.</summary>
/// <param name="FailedAttempts">The failed attempts in a row so far.</param>
/// <param name="Flaps">The welcomed sockets that dropped within the stable window since the last stable one.</param>
/// <param name="OverCapacity">True when the last close said the server is over capacity.</param>
/// <param name="ServerHintLeft">How much of the server's going-away retry hint is still to run; zero or less when none is.</param>
/// <param name="SessionMayResume">True while the server may still hold the session for a resume.</param>
/// <param name="LastAttemptRefused">True when the server refused the last attempt.</param>
public readonly record struct RetryCircumstances(
    int FailedAttempts, int Flaps, bool OverCapacity, TimeSpan ServerHintLeft, bool SessionMayResume, bool LastAttemptRefused);

/// <summary>The wait before the socket's next attempt, and which of the rules that can lengthen it applied.</summary>
/// <param name="Delay">The wait.</param>
/// <param name="ServerHintFloored">True when a server's retry hint was still running and floored the wait.</param>
/// <param name="FlapDamped">True when more than one flap pushed the wait up the backoff.</param>
public readonly record struct RetryWait(TimeSpan Delay, bool ServerHintFloored, bool FlapDamped);

/// <summary>
/// When the signalling socket tries again: the jittered backoff (see <see cref="SocketBackoff"/>) counted over failed
/// attempts and flaps, floored by the capacity floor after an over-capacity close and by a server's retry hint while it
/// runs, and capped by the resume window while the session may still be resumed (unless the server refused the last
/// attempt); and, while the device is offline, when it probes. Pure: the caller passes the circumstances and the random
/// sample, so the same inputs always give the same wait.
/// </summary>
public sealed class SocketRetryPolicy
{
    private readonly ReconnectOptions _options;

    /// <summary>Creates the policy for validated options.</summary>
    public SocketRetryPolicy(ReconnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Backoff = new SocketBackoff(options.Backoff);
    }

    /// <summary>The backoff the waits are built on.</summary>
    public SocketBackoff Backoff { get; }

    /// <summary>The cap on a wait before jitter: the resume window's while the session may be resumed and the server did not refuse the last attempt.</summary>
    public TimeSpan? Ceiling(bool sessionMayResume, bool lastAttemptRefused) =>
        sessionMayResume && !lastAttemptRefused ? _options.Backoff.ResumeWindowMaxDelay : null;

    /// <summary>The wait before the next retry, from a uniform sample <paramref name="randomUnit"/> in [0, 1).</summary>
    public RetryWait NextRetry(RetryCircumstances circumstances, double randomUnit)
    {
        var floor = circumstances.OverCapacity ? _options.Backoff.CapacityFloor : TimeSpan.Zero;
        var hinted = circumstances.ServerHintLeft > TimeSpan.Zero;
        if (hinted && circumstances.ServerHintLeft > floor)
        {
            floor = circumstances.ServerHintLeft;
        }

        var retry = Math.Max(1, circumstances.FailedAttempts + circumstances.Flaps);
        var ceiling = Ceiling(circumstances.SessionMayResume, circumstances.LastAttemptRefused);
        return new RetryWait(Backoff.DelayBefore(retry, randomUnit, floor, ceiling), hinted, circumstances.Flaps > 1);
    }

    /// <summary>
    /// The wait before offline probe number <paramref name="probe"/> (1 for the first), <paramref name="intoOutage"/>
    /// after the outage's first probe: the fast spacing early in the outage (a probe fails on the device and costs no
    /// server anything), then the <paramref name="steady"/> one, jittered; never later than the backoff's delay for that
    /// many probes under <paramref name="ceiling"/>.
    /// </summary>
    public TimeSpan NextOfflineProbe(int probe, TimeSpan intoOutage, TimeSpan steady, TimeSpan? ceiling, double randomUnit)
    {
        var spacing = intoOutage < _options.Backoff.OfflineFastProbeWindow ? Min(_options.Backoff.OfflineFastProbeInterval, steady) : steady;
        var jitter = 1 + (_options.Backoff.JitterFraction * ((2 * randomUnit) - 1));
        var early = Backoff.DelayBefore(probe, randomUnit, TimeSpan.Zero, ceiling);
        return Min(early, spacing * jitter);
    }

    /// <summary>
    /// How long a server's retry hint of <paramref name="retryAfterMs"/> is honoured, or null when it gives none: cut,
    /// when the server announced its <paramref name="serverGrace"/>, to the outage that grace lets the peer survive.
    /// </summary>
    public TimeSpan? HonouredServerHint(long? retryAfterMs, TimeSpan? serverGrace)
    {
        if (retryAfterMs is not { } ms || ms <= 0)
        {
            return null;
        }

        var hint = TimeSpan.FromMilliseconds(ms);
        if (serverGrace is not { } grace)
        {
            return hint;
        }

        var cap = OutageGuarantee.Survivable(_options, grace);
        return hint <= cap ? hint : Max(cap, TimeSpan.Zero);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a <= b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a >= b ? a : b;
}

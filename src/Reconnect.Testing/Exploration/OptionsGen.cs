using FsCheck;
using FsCheck.Fluent;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Testing.Exploration;

/// <summary>
/// FsCheck generators of engine option overrides within their valid ranges, for swarm testing: each run turns
/// some features on or off and moves some knobs (network signals, forced media restart, ICE grace, backoff,
/// stable window, heartbeat, reconcile, the reconnecting-visible threshold, the retry-now rate limit, a shorter ICE
/// restart ladder with shorter attempts (so a media outage of the schedule can spend it and the escalation runs), and the
/// data-channel queue's capacity (1 to 16, so it fills) and fail-fast mode). Settings that end the call on purpose are left out so a run must heal:
/// <c>onEvicted</c> is never <c>stop</c>, the attempt budget keeps its default and a failed first connect retries.
/// </summary>
public static class OptionsGen
{
    /// <summary>Option overrides: each knob is left at its default about half the time.</summary>
    public static Gen<PeerOptionsSpec> Options =>
        from forceMediaRestart in Maybe(Gen.Elements(false, true))
        from onEvicted in Maybe(Gen.Constant(EvictionChoice.Rejoin))
        from stillReconnecting in Maybe(Gen.Choose(1_000, 60_000))
        from reconnectingVisible in Maybe(Gen.Choose(1, 10_000))
        from retryNowInterval in Maybe(Gen.Choose(1, 30_000))
        from backoff in Maybe(Backoff)
        from stableWindow in Maybe(Gen.Choose(1_000, 60_000))
        from iceGrace in Maybe(Gen.Choose(0, 10_000))
        from ladder in Maybe(Gen.Choose(1, 9))
        from attemptTimeout in Maybe(Gen.Choose(2_000, 15_000))
        from reconcileDeadline in Maybe(Gen.Choose(1_000, 20_000))
        from rosterRetries in Maybe(Gen.Choose(0, 5))
        from welcomeTimeout in Maybe(Gen.Choose(2_000, 20_000))
        from heartbeat in Maybe(Heartbeat)
        from dataQueue in Maybe(Gen.Choose(1, 16))
        from dataFailFast in Gen.Frequency((4, Gen.Constant<bool?>(null)), (1, Gen.Constant<bool?>(true)))
        select new PeerOptionsSpec
        {
            RetryFirstConnect = true,
            ForceMediaRestartOnReconnect = forceMediaRestart,
            OnEvicted = onEvicted,
            StillReconnectingAfterMs = stillReconnecting,
            ReconnectingVisibleAfterMs = reconnectingVisible,
            RetryNowMinIntervalMs = retryNowInterval,
            BackoffInitialMs = backoff?.InitialMs,
            BackoffMaxMs = backoff?.MaxMs,
            StableWindowMs = stableWindow,
            IceGraceMs = iceGrace,
            IceRestartAttempts = ladder,
            IceAttemptTimeoutMs = attemptTimeout,
            ReconcileDeadlineMs = reconcileDeadline,
            RosterRetries = rosterRetries,
            WelcomeTimeoutMs = welcomeTimeout,
            PingIntervalMs = heartbeat?.PingMs,
            LivenessTimeoutMs = heartbeat?.LivenessMs,
            DataQueueCapacity = dataQueue,
            DataFailFast = dataFailFast,
        };

    /// <summary>A peer's setup: network signals on three times in four, and generated option overrides.</summary>
    public static Gen<PeerSetup> Setup =>
        from signals in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from options in Options
        select new PeerSetup(signals, options);

    /// <summary>
    /// Every setup one knob closer to <see cref="PeerSetup.Baseline"/>: network signals back on, or one override
    /// (the ping interval together with the liveness timeout, which must stay longer) back to its default.
    /// </summary>
    public static IEnumerable<PeerSetup> Shrink(PeerSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (!setup.NetworkSignals)
        {
            yield return setup with { NetworkSignals = true };
        }

        var o = setup.Options;
        (bool IsSet, Func<PeerOptionsSpec> Reset)[] knobs =
        [
            (o.ForceMediaRestartOnReconnect is not null, () => o with { ForceMediaRestartOnReconnect = null }),
            (o.OnEvicted is not null, () => o with { OnEvicted = null }),
            (o.StillReconnectingAfterMs is not null, () => o with { StillReconnectingAfterMs = null }),
            (o.ReconnectingVisibleAfterMs is not null, () => o with { ReconnectingVisibleAfterMs = null }),
            (o.RetryNowMinIntervalMs is not null, () => o with { RetryNowMinIntervalMs = null }),
            (o.BackoffInitialMs is not null, () => o with { BackoffInitialMs = null }),
            (o.BackoffMaxMs is not null, () => o with { BackoffMaxMs = null }),
            (o.StableWindowMs is not null, () => o with { StableWindowMs = null }),
            (o.IceGraceMs is not null, () => o with { IceGraceMs = null }),
            (o.IceRestartAttempts is not null, () => o with { IceRestartAttempts = null }),
            (o.IceAttemptTimeoutMs is not null, () => o with { IceAttemptTimeoutMs = null }),
            (o.ReconcileDeadlineMs is not null, () => o with { ReconcileDeadlineMs = null }),
            (o.RosterRetries is not null, () => o with { RosterRetries = null }),
            (o.WelcomeTimeoutMs is not null, () => o with { WelcomeTimeoutMs = null }),
            (o.PingIntervalMs is not null, () => o with { PingIntervalMs = null, LivenessTimeoutMs = null }),
            (o.LivenessTimeoutMs is not null, () => o with { LivenessTimeoutMs = null }),
            (o.DataQueueCapacity is not null, () => o with { DataQueueCapacity = null }),
            (o.DataFailFast is not null, () => o with { DataFailFast = null }),
        ];
        foreach (var (isSet, reset) in knobs)
        {
            if (isSet)
            {
                yield return setup with { Options = reset() };
            }
        }
    }

    /// <summary>The backoff's initial and maximum delay; the maximum is at least the initial and at least 2 s.</summary>
    private static Gen<(int InitialMs, int MaxMs)> Backoff =>
        from initial in Gen.Choose(100, 2_000)
        from max in Gen.Choose(2_000, 60_000)
        select (initial, max);

    /// <summary>The ping interval and a liveness timeout longer than it.</summary>
    private static Gen<(int PingMs, int LivenessMs)> Heartbeat =>
        from ping in Gen.Choose(1_000, 20_000)
        from extra in Gen.Choose(1_000, 60_000)
        select (ping, ping + extra);

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct =>
        Gen.OneOf(Gen.Constant<T?>(null), gen.Select(value => (T?)value));
}

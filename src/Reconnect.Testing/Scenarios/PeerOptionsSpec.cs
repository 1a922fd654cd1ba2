
namespace Reconnect.Testing.Scenarios;

/// <summary>Overrides of <see cref="ReconnectOptions"/> for one peer; a field left out keeps the engine default.</summary>
public sealed record PeerOptionsSpec
{
    /// <summary>Overrides <see cref="ReconnectOptions.RetryFirstConnect"/>.</summary>
    public bool? RetryFirstConnect { get; init; }

    /// <summary>Overrides <see cref="ReconnectOptions.ForceMediaRestartOnReconnect"/>.</summary>
    public bool? ForceMediaRestartOnReconnect { get; init; }

    /// <summary>Overrides <see cref="ReconnectOptions.OnEvicted"/>.</summary>
    public EvictionChoice? OnEvicted { get; init; }

    /// <summary>Overrides <see cref="ReconnectOptions.StillReconnectingAfter"/>, in milliseconds.</summary>
    public int? StillReconnectingAfterMs { get; init; }

    /// <summary>Overrides <see cref="ReconnectOptions.ReconnectingVisibleAfter"/>, in milliseconds.</summary>
    public int? ReconnectingVisibleAfterMs { get; init; }

    /// <summary>Overrides <see cref="ReconnectOptions.RetryNowMinInterval"/>, in milliseconds.</summary>
    public int? RetryNowMinIntervalMs { get; init; }

    /// <summary>Overrides the socket backoff's initial delay, in milliseconds.</summary>
    public int? BackoffInitialMs { get; init; }

    /// <summary>Overrides the socket backoff's maximum delay, in milliseconds.</summary>
    public int? BackoffMaxMs { get; init; }

    /// <summary>Overrides how many failed connect attempts in a row are allowed.</summary>
    public int? BackoffMaxAttempts { get; init; }

    /// <summary>Overrides how long a welcomed socket must stay up before earlier drops stop lengthening retries, in milliseconds.</summary>
    public int? StableWindowMs { get; init; }

    /// <summary>Overrides the ICE disconnected grace before the restart ladder starts, in milliseconds.</summary>
    public int? IceGraceMs { get; init; }

    /// <summary>
    /// Shortens the ICE restart ladder to its first this many attempts (the default waits, 1 to 9), so a run can
    /// exhaust it within minutes of virtual time; at most the default ladder's length.
    /// </summary>
    public int? IceRestartAttempts { get; init; }

    /// <summary>Overrides how long an ICE restart attempt (and a new connection's connect) may take before it counts as failed, in milliseconds.</summary>
    public int? IceAttemptTimeoutMs { get; init; }

    /// <summary>Overrides whether ICE <c>disconnected</c> starts the restart ladder; false restarts only on <c>failed</c>.</summary>
    public bool? RestartOnDisconnected { get; init; }

    /// <summary>Overrides <see cref="MediaWatchdogOptions.Enabled"/>: false leaves connected media that stops advancing to ICE alone.</summary>
    public bool? MediaWatchdog { get; init; }

    /// <summary>Overrides whether an unreachable local network is waited out offline with cheap probes (true) or backed off and counted like any failure (false).</summary>
    public bool? OfflineProbe { get; init; }

    /// <summary>Overrides the cap on retry delays while the session may still be resumed, in milliseconds.</summary>
    public int? ResumeWindowMaxMs { get; init; }

    /// <summary>Overrides how long reconcile waits for a roster snapshot, in milliseconds.</summary>
    public int? ReconcileDeadlineMs { get; init; }

    /// <summary>Overrides how many times the roster is asked for again.</summary>
    public int? RosterRetries { get; init; }

    /// <summary>Overrides how long to wait for the welcome after the socket opens, in milliseconds.</summary>
    public int? WelcomeTimeoutMs { get; init; }

    /// <summary>Overrides how long without an inbound frame means the socket is dead, in milliseconds.</summary>
    public int? LivenessTimeoutMs { get; init; }

    /// <summary>Overrides how often an application ping is sent, in milliseconds.</summary>
    public int? PingIntervalMs { get; init; }

    /// <summary>Overrides <see cref="DataChannelOptions.QueueCapacity"/>: how many messages wait per remote peer and channel.</summary>
    public int? DataQueueCapacity { get; init; }

    /// <summary>Overrides <see cref="DataChannelOptions.WhileNotOpen"/>: true fails a send at once while its channel is not open.</summary>
    public bool? DataFailFast { get; init; }

    /// <summary>The engine options: the defaults of <see cref="ReconnectOptions"/> with every given field applied.</summary>
    public ReconnectOptions ToOptions()
    {
        var defaults = new ReconnectOptions();
        return defaults with
        {
            RetryFirstConnect = RetryFirstConnect ?? defaults.RetryFirstConnect,
            ForceMediaRestartOnReconnect = ForceMediaRestartOnReconnect ?? defaults.ForceMediaRestartOnReconnect,
            OnEvicted = OnEvicted switch
            {
                null => defaults.OnEvicted,
                EvictionChoice.Stop => EvictionBehaviour.Stop,
                _ => EvictionBehaviour.RejoinAsNew,
            },
            StillReconnectingAfter = Duration(StillReconnectingAfterMs, defaults.StillReconnectingAfter),
            ReconnectingVisibleAfter = Duration(ReconnectingVisibleAfterMs, defaults.ReconnectingVisibleAfter),
            RetryNowMinInterval = Duration(RetryNowMinIntervalMs, defaults.RetryNowMinInterval),
            Backoff = defaults.Backoff with
            {
                InitialDelay = Duration(BackoffInitialMs, defaults.Backoff.InitialDelay),
                MaxDelay = Duration(BackoffMaxMs, defaults.Backoff.MaxDelay),
                MaxAttempts = BackoffMaxAttempts ?? defaults.Backoff.MaxAttempts,
                StableWindow = Duration(StableWindowMs, defaults.Backoff.StableWindow),
                OfflineProbeInterval = OfflineProbe == false ? null : defaults.Backoff.OfflineProbeInterval,
                ResumeWindowMaxDelay = Duration(ResumeWindowMaxMs, defaults.Backoff.ResumeWindowMaxDelay),
            },
            IceRestart = defaults.IceRestart with
            {
                DisconnectedGrace = Duration(IceGraceMs, defaults.IceRestart.DisconnectedGrace),
                RestartOnDisconnected = RestartOnDisconnected ?? defaults.IceRestart.RestartOnDisconnected,
                Delays = IceRestartAttempts is { } attempts ? [.. defaults.IceRestart.Delays.Take(Math.Max(attempts, 0))] : defaults.IceRestart.Delays,
                AttemptTimeout = Duration(IceAttemptTimeoutMs, defaults.IceRestart.AttemptTimeout),
                ConnectTimeout = Duration(IceAttemptTimeoutMs, defaults.IceRestart.ConnectTimeout),
            },
            MediaWatchdog = defaults.MediaWatchdog with { Enabled = MediaWatchdog ?? defaults.MediaWatchdog.Enabled },
            Reconcile = defaults.Reconcile with
            {
                Deadline = Duration(ReconcileDeadlineMs, defaults.Reconcile.Deadline),
                RosterRetries = RosterRetries ?? defaults.Reconcile.RosterRetries,
            },
            Heartbeat = defaults.Heartbeat with
            {
                WelcomeTimeout = Duration(WelcomeTimeoutMs, defaults.Heartbeat.WelcomeTimeout),
                LivenessTimeout = Duration(LivenessTimeoutMs, defaults.Heartbeat.LivenessTimeout),
                PingInterval = Duration(PingIntervalMs, defaults.Heartbeat.PingInterval),
            },
            DataChannels = defaults.DataChannels with
            {
                QueueCapacity = DataQueueCapacity ?? defaults.DataChannels.QueueCapacity,
                WhileNotOpen = DataFailFast switch
                {
                    null => defaults.DataChannels.WhileNotOpen,
                    true => DataSendMode.FailFast,
                    false => DataSendMode.Queue,
                },
            },
        };
    }

    private static TimeSpan Duration(int? milliseconds, TimeSpan fallback) =>
        milliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : fallback;
}

using Microsoft.Extensions.Options;

namespace Reconnect;

/// <summary>Validates <see cref="ReconnectOptions"/>: every duration positive where it must be, every budget within range.</summary>
public sealed class ReconnectOptionsValidator : IValidateOptions<ReconnectOptions>
{
    /// <summary>Validates an options instance and returns every failure at once.</summary>
    public ValidateOptionsResult Validate(string? name, ReconnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var b = options.Backoff;
        Positive(failures, "Backoff.InitialDelay", b.InitialDelay);
        Positive(failures, "Backoff.MaxDelay", b.MaxDelay);
        Positive(failures, "Backoff.StableWindow", b.StableWindow);
        Positive(failures, "Backoff.ResumeWindowMaxDelay", b.ResumeWindowMaxDelay);
        NotNegative(failures, "Backoff.CapacityFloor", b.CapacityFloor);
        Check(failures, b.OfflineProbeInterval is null || b.OfflineProbeInterval > TimeSpan.Zero, "Backoff.OfflineProbeInterval must be positive or null.");
        Positive(failures, "Backoff.OfflineFastProbeInterval", b.OfflineFastProbeInterval);
        Check(failures, b.OfflineFastProbeWindow >= TimeSpan.Zero, "Backoff.OfflineFastProbeWindow must not be negative.");
        Check(failures, b.MaxDelay >= b.InitialDelay, "Backoff.MaxDelay must be at least Backoff.InitialDelay.");
        Check(failures, b.Multiplier is >= 1.0 and <= 10.0, "Backoff.Multiplier must be in [1, 10].");
        Check(failures, b.JitterFraction is >= 0.0 and < 1.0, "Backoff.JitterFraction must be in [0, 1).");
        Check(failures, b.MaxAttempts is >= 1 and <= 10_000, "Backoff.MaxAttempts must be in [1, 10000].");

        var h = options.Heartbeat;
        Positive(failures, "Heartbeat.WelcomeTimeout", h.WelcomeTimeout);
        Positive(failures, "Heartbeat.PingInterval", h.PingInterval);
        Positive(failures, "Heartbeat.LivenessTimeout", h.LivenessTimeout);
        Check(failures, h.LivenessTimeout > h.PingInterval, "Heartbeat.LivenessTimeout must exceed Heartbeat.PingInterval.");
        Positive(failures, "Heartbeat.WakeProbeTimeout", h.WakeProbeTimeout);

        Positive(failures, "Token.FetchTimeout", options.Token.FetchTimeout);
        Check(failures, options.Token.FailureNoticeThreshold >= 1, "Token.FailureNoticeThreshold must be at least 1.");
        Positive(failures, "Token.RefreshLead", options.Token.RefreshLead);
        Check(failures, options.Token.RefreshJitterFraction is >= 0.0 and < 1.0, "Token.RefreshJitterFraction must be in [0, 1).");
        Positive(failures, "Token.RefreshRetryDelay", options.Token.RefreshRetryDelay);
        Check(failures, options.Token.RefreshRetryMaxDelay >= options.Token.RefreshRetryDelay, "Token.RefreshRetryMaxDelay must be at least Token.RefreshRetryDelay.");
        Check(failures, options.Token.ExpiredTokenCloseLimit is >= 1 and <= 100, "Token.ExpiredTokenCloseLimit must be in [1, 100].");

        var ice = options.IceRestart;
        Check(failures, ice.Delays is { Count: >= 1 and <= 100 }, "IceRestart.Delays must hold 1 to 100 waits.");
        Check(failures, ice.Delays is null || ice.Delays.All(d => d >= TimeSpan.Zero), "IceRestart.Delays must not be negative.");
        Positive(failures, "IceRestart.AttemptTimeout", ice.AttemptTimeout);
        NotNegative(failures, "IceRestart.DisconnectedGrace", ice.DisconnectedGrace);
        Positive(failures, "IceRestart.ConnectTimeout", ice.ConnectTimeout);

        var escalation = options.Escalation;
        Positive(failures, "Escalation.FreshConnectionBound", escalation.FreshConnectionBound);
        Positive(failures, "Escalation.SocketResumeBound", escalation.SocketResumeBound);
        Positive(failures, "Escalation.RejoinBound", escalation.RejoinBound);
        Positive(failures, "Escalation.SocketResumeMinInterval", escalation.SocketResumeMinInterval);
        Positive(failures, "Escalation.RejoinMinInterval", escalation.RejoinMinInterval);
        Check(failures, escalation.Rounds is >= 0 and <= 100, "Escalation.Rounds must be in [0, 100].");

        Positive(failures, "Reconcile.Deadline", options.Reconcile.Deadline);
        Check(failures, options.Reconcile.RosterRetries is >= 0 and <= 100, "Reconcile.RosterRetries must be in [0, 100].");
        Check(failures, options.Reconcile.TimedOutRequests is >= 1 and <= 100, "Reconcile.TimedOutRequests must be in [1, 100].");
        Positive(failures, "Reconcile.UnknownPeerReread", options.Reconcile.UnknownPeerReread);
        Positive(failures, "Reconcile.RejoinWait", options.Reconcile.RejoinWait);

        ValidateDataChannels(failures, options.DataChannels);
        Check(failures, options.MediaWatchdog is not null, "MediaWatchdog must be set.");
        Positive(failures, "MediaWatchdog.FrozenAfter", options.MediaWatchdog?.FrozenAfter ?? TimeSpan.Zero);

        Positive(failures, "StillReconnectingAfter", options.StillReconnectingAfter);
        Positive(failures, "RetryNowMinInterval", options.RetryNowMinInterval);
        Positive(failures, "ReconnectingVisibleAfter", options.ReconnectingVisibleAfter);
        Positive(failures, "PendingSignalHold", options.PendingSignalHold);
        Check(failures, options.PendingSignalCapacity >= 1, "PendingSignalCapacity must be at least 1.");
        Positive(failures, "LeaveTimeout", options.LeaveTimeout);
        NotNegative(failures, "CloseFlushTimeout", options.CloseFlushTimeout);
        Check(failures, options.LeaveTimeout <= TimeSpan.Zero || options.CloseFlushTimeout <= options.LeaveTimeout, "CloseFlushTimeout must not exceed LeaveTimeout.");
        Check(failures, Enum.IsDefined(options.OnEvicted), "OnEvicted must be a defined EvictionBehaviour.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Validates and throws <see cref="OptionsValidationException"/> listing every failure.</summary>
    public static ReconnectOptions EnsureValid(ReconnectOptions options)
    {
        var result = new ReconnectOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        return result.Failed
            ? throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(ReconnectOptions), result.Failures)
            : options;
    }

    private static void ValidateDataChannels(List<string> failures, DataChannelOptions? data)
    {
        if (data is null)
        {
            failures.Add("DataChannels must not be null.");
            return;
        }

        Check(failures, data.Channels is not null, "DataChannels.Channels must not be null.");
        var channels = data.Channels ?? [];
        Check(failures, channels.All(c => c is not null && !string.IsNullOrWhiteSpace(c.Label)), "DataChannels.Channels must each have a non-empty label.");
        Check(failures, channels.Where(c => c is not null).Select(c => c.Label).Distinct(StringComparer.Ordinal).Count() == channels.Count, "DataChannels.Channels labels must be unique.");
        Check(failures, channels.All(c => c?.Init is not { MaxPacketLifeTime: not null, MaxRetransmits: not null }), "DataChannels.Channels may set MaxPacketLifeTime or MaxRetransmits, not both.");
        Check(failures, channels.All(c => c?.Init is not { MaxPacketLifeTime: { } life } || life >= TimeSpan.Zero), "DataChannels.Channels MaxPacketLifeTime must not be negative.");
        Check(failures, channels.All(c => c?.Init is not { MaxRetransmits: < 0 }), "DataChannels.Channels MaxRetransmits must not be negative.");
        Check(failures, channels.All(c => c?.Init is null || c.Init.Protocol is not null), "DataChannels.Channels Protocol must not be null.");
        Check(failures, data.QueueCapacity is >= 1 and <= 100_000, "DataChannels.QueueCapacity must be in [1, 100000].");
        Check(failures, Enum.IsDefined(data.WhileNotOpen), "DataChannels.WhileNotOpen must be a defined DataSendMode.");
    }

    private static void Positive(List<string> failures, string name, TimeSpan value) =>
        Check(failures, value > TimeSpan.Zero, $"{name} must be positive.");

    private static void NotNegative(List<string> failures, string name, TimeSpan value) =>
        Check(failures, value >= TimeSpan.Zero, $"{name} must not be negative.");

    private static void Check(List<string> failures, bool ok, string failure)
    {
        if (!ok)
        {
            failures.Add(failure);
        }
    }
}

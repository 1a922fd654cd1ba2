using Microsoft.Extensions.Options;
using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Options;

public sealed class ReconnectOptionsValidatorTests
{
    private static readonly ReconnectOptions Defaults = new();

    /// <summary>One invalid setting per case: the case's name, the field its failure must name, the options.</summary>
    private static readonly SortedDictionary<string, (string Field, ReconnectOptions Options)> InvalidSettings = new(StringComparer.Ordinal)
    {
        ["Backoff.InitialDelay zero"] = ("Backoff.InitialDelay", Defaults with { Backoff = new() { InitialDelay = TimeSpan.Zero } }),
        ["Backoff.MaxDelay zero"] = ("Backoff.MaxDelay", Defaults with { Backoff = new() { MaxDelay = TimeSpan.Zero } }),
        ["Backoff.MaxDelay below InitialDelay"] = ("Backoff.MaxDelay", Defaults with { Backoff = new() { MaxDelay = TimeSpan.FromMilliseconds(499) } }),
        ["Backoff.StableWindow zero"] = ("Backoff.StableWindow", Defaults with { Backoff = new() { StableWindow = TimeSpan.Zero } }),
        ["Backoff.ResumeWindowMaxDelay zero"] = ("Backoff.ResumeWindowMaxDelay", Defaults with { Backoff = new() { ResumeWindowMaxDelay = TimeSpan.Zero } }),
        ["Backoff.CapacityFloor negative"] = ("Backoff.CapacityFloor", Defaults with { Backoff = new() { CapacityFloor = TimeSpan.FromTicks(-1) } }),
        ["Backoff.OfflineProbeInterval zero"] = ("Backoff.OfflineProbeInterval", Defaults with { Backoff = new() { OfflineProbeInterval = TimeSpan.Zero } }),
        ["Backoff.OfflineFastProbeInterval zero"] = ("Backoff.OfflineFastProbeInterval", Defaults with { Backoff = new() { OfflineFastProbeInterval = TimeSpan.Zero } }),
        ["Backoff.OfflineFastProbeWindow negative"] = ("Backoff.OfflineFastProbeWindow", Defaults with { Backoff = new() { OfflineFastProbeWindow = TimeSpan.FromTicks(-1) } }),
        ["Backoff.Multiplier below 1"] = ("Backoff.Multiplier", Defaults with { Backoff = new() { Multiplier = 0.99 } }),
        ["Backoff.Multiplier above 10"] = ("Backoff.Multiplier", Defaults with { Backoff = new() { Multiplier = 10.01 } }),
        ["Backoff.Multiplier NaN"] = ("Backoff.Multiplier", Defaults with { Backoff = new() { Multiplier = double.NaN } }),
        ["Backoff.JitterFraction negative"] = ("Backoff.JitterFraction", Defaults with { Backoff = new() { JitterFraction = -0.01 } }),
        ["Backoff.JitterFraction one"] = ("Backoff.JitterFraction", Defaults with { Backoff = new() { JitterFraction = 1.0 } }),
        ["Backoff.MaxAttempts zero"] = ("Backoff.MaxAttempts", Defaults with { Backoff = new() { MaxAttempts = 0 } }),
        ["Backoff.MaxAttempts above 10000"] = ("Backoff.MaxAttempts", Defaults with { Backoff = new() { MaxAttempts = 10_001 } }),
        ["Heartbeat.WelcomeTimeout zero"] = ("Heartbeat.WelcomeTimeout", Defaults with { Heartbeat = new() { WelcomeTimeout = TimeSpan.Zero } }),
        ["Heartbeat.PingInterval zero"] = ("Heartbeat.PingInterval", Defaults with { Heartbeat = new() { PingInterval = TimeSpan.Zero } }),
        ["Heartbeat.LivenessTimeout zero"] = ("Heartbeat.LivenessTimeout", Defaults with { Heartbeat = new() { LivenessTimeout = TimeSpan.Zero } }),
        ["Heartbeat.LivenessTimeout equal to PingInterval"] = ("Heartbeat.LivenessTimeout", Defaults with { Heartbeat = new() { LivenessTimeout = TimeSpan.FromSeconds(20) } }),
        ["Heartbeat.WakeProbeTimeout zero"] = ("Heartbeat.WakeProbeTimeout", Defaults with { Heartbeat = new() { WakeProbeTimeout = TimeSpan.Zero } }),
        ["Token.FetchTimeout zero"] = ("Token.FetchTimeout", Defaults with { Token = new() { FetchTimeout = TimeSpan.Zero } }),
        ["Token.FailureNoticeThreshold zero"] = ("Token.FailureNoticeThreshold", Defaults with { Token = new() { FailureNoticeThreshold = 0 } }),
        ["Token.RefreshLead zero"] = ("Token.RefreshLead", Defaults with { Token = new() { RefreshLead = TimeSpan.Zero } }),
        ["Token.RefreshJitterFraction one"] = ("Token.RefreshJitterFraction", Defaults with { Token = new() { RefreshJitterFraction = 1.0 } }),
        ["Token.RefreshRetryDelay zero"] = ("Token.RefreshRetryDelay", Defaults with { Token = new() { RefreshRetryDelay = TimeSpan.Zero } }),
        ["Token.RefreshRetryMaxDelay below the first"] = ("Token.RefreshRetryMaxDelay", Defaults with { Token = new() { RefreshRetryDelay = TimeSpan.FromSeconds(5), RefreshRetryMaxDelay = TimeSpan.FromSeconds(4) } }),
        ["Token.ExpiredTokenCloseLimit zero"] = ("Token.ExpiredTokenCloseLimit", Defaults with { Token = new() { ExpiredTokenCloseLimit = 0 } }),
        ["Reconcile.TimedOutRequests zero"] = ("Reconcile.TimedOutRequests", Defaults with { Reconcile = new() { TimedOutRequests = 0 } }),
        ["IceRestart.Delays empty"] = ("IceRestart.Delays", Defaults with { IceRestart = new() { Delays = [] } }),
        ["IceRestart.Delays more than 100"] = ("IceRestart.Delays", Defaults with { IceRestart = new() { Delays = [.. Enumerable.Repeat(TimeSpan.FromSeconds(1), 101)] } }),
        ["IceRestart.Delays negative"] = ("IceRestart.Delays", Defaults with { IceRestart = new() { Delays = [TimeSpan.Zero, TimeSpan.FromTicks(-1)] } }),
        ["IceRestart.Delays null"] = ("IceRestart.Delays", Defaults with { IceRestart = new() { Delays = null! } }),
        ["IceRestart.AttemptTimeout zero"] = ("IceRestart.AttemptTimeout", Defaults with { IceRestart = new() { AttemptTimeout = TimeSpan.Zero } }),
        ["IceRestart.DisconnectedGrace negative"] = ("IceRestart.DisconnectedGrace", Defaults with { IceRestart = new() { DisconnectedGrace = TimeSpan.FromTicks(-1) } }),
        ["IceRestart.ConnectTimeout zero"] = ("IceRestart.ConnectTimeout", Defaults with { IceRestart = new() { ConnectTimeout = TimeSpan.Zero } }),
        ["CloseFlushTimeout negative"] = ("CloseFlushTimeout", Defaults with { CloseFlushTimeout = TimeSpan.FromTicks(-1) }),
        ["CloseFlushTimeout above LeaveTimeout"] = ("CloseFlushTimeout", Defaults with { CloseFlushTimeout = TimeSpan.FromSeconds(3) }),
        ["Reconcile.Deadline zero"] = ("Reconcile.Deadline", Defaults with { Reconcile = new() { Deadline = TimeSpan.Zero } }),
        ["Reconcile.RosterRetries negative"] = ("Reconcile.RosterRetries", Defaults with { Reconcile = new() { RosterRetries = -1 } }),
        ["Reconcile.RosterRetries above 100"] = ("Reconcile.RosterRetries", Defaults with { Reconcile = new() { RosterRetries = 101 } }),
        ["Reconcile.UnknownPeerReread zero"] = ("Reconcile.UnknownPeerReread", Defaults with { Reconcile = new() { UnknownPeerReread = TimeSpan.Zero } }),
        ["Reconcile.RejoinWait zero"] = ("Reconcile.RejoinWait", Defaults with { Reconcile = new() { RejoinWait = TimeSpan.Zero } }),
        ["DataChannels null"] = ("DataChannels", Defaults with { DataChannels = null! }),
        ["DataChannels.Channels null"] = ("DataChannels.Channels", Defaults with { DataChannels = new() { Channels = null! } }),
        ["DataChannels.Channels empty label"] = ("DataChannels.Channels", Defaults with { DataChannels = new() { Channels = [new(" ")] } }),
        ["DataChannels.Channels duplicate label"] = ("DataChannels.Channels", Defaults with { DataChannels = new() { Channels = [new("chat"), new("chat")] } }),
        ["DataChannels.Channels lifetime and retransmits"] = ("DataChannels.Channels", Defaults with { DataChannels = new() { Channels = [new("game", new() { MaxPacketLifeTime = TimeSpan.FromSeconds(1), MaxRetransmits = 2 })] } }),
        ["DataChannels.Channels negative lifetime"] = ("DataChannels.Channels", Defaults with { DataChannels = new() { Channels = [new("game", new() { MaxPacketLifeTime = TimeSpan.FromTicks(-1) })] } }),
        ["DataChannels.Channels negative retransmits"] = ("DataChannels.Channels", Defaults with { DataChannels = new() { Channels = [new("game", new() { MaxRetransmits = -1 })] } }),
        ["DataChannels.QueueCapacity zero"] = ("DataChannels.QueueCapacity", Defaults with { DataChannels = new() { QueueCapacity = 0 } }),
        ["DataChannels.QueueCapacity above 100000"] = ("DataChannels.QueueCapacity", Defaults with { DataChannels = new() { QueueCapacity = 100_001 } }),
        ["DataChannels.WhileNotOpen undefined"] = ("DataChannels.WhileNotOpen", Defaults with { DataChannels = new() { WhileNotOpen = (DataSendMode)7 } }),
        ["StillReconnectingAfter zero"] = ("StillReconnectingAfter", Defaults with { StillReconnectingAfter = TimeSpan.Zero }),
        ["RetryNowMinInterval zero"] = ("RetryNowMinInterval", Defaults with { RetryNowMinInterval = TimeSpan.Zero }),
        ["ReconnectingVisibleAfter zero"] = ("ReconnectingVisibleAfter", Defaults with { ReconnectingVisibleAfter = TimeSpan.Zero }),
        ["MediaWatchdog.FrozenAfter zero"] = ("MediaWatchdog.FrozenAfter", Defaults with { MediaWatchdog = new() { FrozenAfter = TimeSpan.Zero } }),
        ["MediaWatchdog null"] = ("MediaWatchdog", Defaults with { MediaWatchdog = null! }),
        ["PendingSignalHold zero"] = ("PendingSignalHold", Defaults with { PendingSignalHold = TimeSpan.Zero }),
        ["PendingSignalCapacity zero"] = ("PendingSignalCapacity", Defaults with { PendingSignalCapacity = 0 }),
        ["LeaveTimeout zero"] = ("LeaveTimeout", Defaults with { LeaveTimeout = TimeSpan.Zero }),
        ["OnEvicted undefined"] = ("OnEvicted", Defaults with { OnEvicted = (EvictionBehaviour)99 }),
    };

    public static TheoryData<string> InvalidSettingNames => [.. InvalidSettings.Keys];

    [Fact]
    public void Defaults_are_valid()
    {
        var result = new ReconnectOptionsValidator().Validate(null, new ReconnectOptions());

        Assert.True(result.Succeeded, string.Join("; ", result.Failures ?? []));
    }

    [Theory]
    [MemberData(nameof(InvalidSettingNames))]
    public void An_invalid_setting_fails_with_a_message_naming_its_field(string caseName)
    {
        var (field, options) = InvalidSettings[caseName];

        var result = new ReconnectOptionsValidator().Validate(null, options);

        Assert.True(result.Failed, $"{caseName} passed validation");
        var failures = Assert.IsAssignableFrom<IEnumerable<string>>(result.Failures);
        Assert.NotEmpty(failures);
        Assert.All(failures, failure => Assert.Contains(field, failure, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_field_of_the_options_has_an_invalid_case()
    {
        var covered = InvalidSettings.Values.Select(s => s.Field).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            .. typeof(SocketBackoffOptions).GetProperties().Select(p => $"Backoff.{p.Name}"),
            .. typeof(HeartbeatOptions).GetProperties().Select(p => $"Heartbeat.{p.Name}"),
            .. typeof(TokenProviderOptions).GetProperties().Select(p => $"Token.{p.Name}"),
            .. typeof(IceRestartLadderOptions).GetProperties().Where(p => p.PropertyType != typeof(bool)).Select(p => $"IceRestart.{p.Name}"),
            .. typeof(ReconcileOptions).GetProperties().Select(p => $"Reconcile.{p.Name}"),
            .. typeof(DataChannelOptions).GetProperties().Select(p => $"DataChannels.{p.Name}"),
            .. typeof(ReconnectOptions).GetProperties()
                .Where(p => p.PropertyType != typeof(bool) && !p.PropertyType.Name.EndsWith("Options", StringComparison.Ordinal))
                .Select(p => p.Name),
        ];

        Assert.Empty(expected.Where(field => !covered.Contains(field)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ensure_valid_returns_valid_options_unchanged()
    {
        var options = new ReconnectOptions { RetryFirstConnect = true };

        Assert.Same(options, ReconnectOptionsValidator.EnsureValid(options));
    }

    [Fact]
    public void Ensure_valid_throws_listing_every_failure_at_once()
    {
        var options = new ReconnectOptions
        {
            Backoff = new() { MaxAttempts = 0 },
            Token = new() { FetchTimeout = TimeSpan.Zero },
            LeaveTimeout = TimeSpan.Zero,
        };

        var thrown = Assert.Throws<OptionsValidationException>(() => ReconnectOptionsValidator.EnsureValid(options));

        Assert.Equal(typeof(ReconnectOptions), thrown.OptionsType);
        Assert.Equal(3, thrown.Failures.Count());
        Assert.Contains(thrown.Failures, f => f.Contains("Backoff.MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(thrown.Failures, f => f.Contains("Token.FetchTimeout", StringComparison.Ordinal));
        Assert.Contains(thrown.Failures, f => f.Contains("LeaveTimeout", StringComparison.Ordinal));
        Assert.Contains("Backoff.MaxAttempts", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("Token.FetchTimeout", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("LeaveTimeout", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => new ReconnectOptionsValidator().Validate(null, null!));
    }
}

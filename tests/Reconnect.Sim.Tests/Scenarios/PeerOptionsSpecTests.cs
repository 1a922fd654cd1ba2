using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios;

public sealed class PeerOptionsSpecTests
{
    [Fact]
    public void No_overrides_give_the_engine_defaults()
    {
        Assert.Equal(Knobs(new ReconnectOptions()), Knobs(new PeerOptionsSpec().ToOptions()));
    }

    [Fact]
    public void Every_override_lands_on_its_engine_option_and_nothing_else_changes()
    {
        var spec = new PeerOptionsSpec
        {
            RetryFirstConnect = true,
            ForceMediaRestartOnReconnect = true,
            OnEvicted = EvictionChoice.Stop,
            StillReconnectingAfterMs = 1_001,
            BackoffInitialMs = 1_002,
            BackoffMaxMs = 1_003,
            BackoffMaxAttempts = 1_004,
            StableWindowMs = 1_005,
            IceGraceMs = 1_006,
            ReconcileDeadlineMs = 1_007,
            RosterRetries = 8,
            WelcomeTimeoutMs = 1_009,
            LivenessTimeoutMs = 1_010,
            PingIntervalMs = 1_011,
        };

        var options = spec.ToOptions();
        var defaults = new ReconnectOptions();

        Assert.Equal(
            (true, true, EvictionBehaviour.Stop, Ms(1_001), Ms(1_002), Ms(1_003), 1_004, Ms(1_005), Ms(1_006), Ms(1_007), 8, Ms(1_009), Ms(1_010), Ms(1_011)),
            Knobs(options));
        Assert.Equal(
            (defaults.Backoff.Multiplier, defaults.Backoff.JitterFraction, defaults.Backoff.CapacityFloor, defaults.Token, defaults.PendingSignalHold),
            (options.Backoff.Multiplier, options.Backoff.JitterFraction, options.Backoff.CapacityFloor, options.Token, options.PendingSignalHold));
        Assert.Equal(defaults.IceRestart.Delays, options.IceRestart.Delays);
        Assert.Equal(defaults.IceRestart.AttemptTimeout, options.IceRestart.AttemptTimeout);
    }

    [Fact]
    public void The_resume_window_override_lands_on_its_backoff_option()
    {
        var options = new PeerOptionsSpec { ResumeWindowMaxMs = 30_000 }.ToOptions();

        Assert.Equal(new ReconnectOptions().Backoff with { ResumeWindowMaxDelay = TimeSpan.FromSeconds(30) }, options.Backoff);
    }

    [Fact]
    public void The_reconnecting_visible_and_retry_now_overrides_land_on_their_options()
    {
        var options = new PeerOptionsSpec { ReconnectingVisibleAfterMs = 2_500, RetryNowMinIntervalMs = 10_000 }.ToOptions();

        Assert.Equal((Ms(2_500), Ms(10_000)), (options.ReconnectingVisibleAfter, options.RetryNowMinInterval));
        Assert.Equal(Knobs(new ReconnectOptions()), Knobs(options));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public void A_shortened_ladder_keeps_the_first_default_waits_and_the_attempt_timeout_override_bounds_attempts_and_connects(int attempts)
    {
        var defaults = new ReconnectOptions();

        var options = new PeerOptionsSpec { IceRestartAttempts = attempts, IceAttemptTimeoutMs = 3_000 }.ToOptions();

        Assert.Equal(defaults.IceRestart.Delays.Take(attempts), options.IceRestart.Delays);
        Assert.Equal((Ms(3_000), Ms(3_000)), (options.IceRestart.AttemptTimeout, options.IceRestart.ConnectTimeout));
        Assert.Equal(Knobs(defaults), Knobs(options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10)]
    public void A_ladder_length_outside_one_to_the_default_length_is_refused_with_its_path(int attempts)
    {
        var scenario = ScenarioSamples.WithPeer(0, p => p with { Options = new PeerOptionsSpec { IceRestartAttempts = attempts } });

        Assert.Contains(ScenarioLoader.Validate(scenario), p => p.Path == "$.peers[0].options.iceRestartAttempts" && p.Message.Contains("from 1 to 9", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejoin_choice_maps_to_rejoin_as_new()
    {
        Assert.Equal(EvictionBehaviour.RejoinAsNew, new PeerOptionsSpec { OnEvicted = EvictionChoice.Rejoin }.ToOptions().OnEvicted);
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    private static (bool, bool, EvictionBehaviour, TimeSpan, TimeSpan, TimeSpan, int, TimeSpan, TimeSpan, TimeSpan, int, TimeSpan, TimeSpan, TimeSpan) Knobs(ReconnectOptions o) =>
        (o.RetryFirstConnect, o.ForceMediaRestartOnReconnect, o.OnEvicted, o.StillReconnectingAfter, o.Backoff.InitialDelay, o.Backoff.MaxDelay,
            o.Backoff.MaxAttempts, o.Backoff.StableWindow, o.IceRestart.DisconnectedGrace, o.Reconcile.Deadline, o.Reconcile.RosterRetries,
            o.Heartbeat.WelcomeTimeout, o.Heartbeat.LivenessTimeout, o.Heartbeat.PingInterval);
}

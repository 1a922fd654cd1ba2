using Reconnect.Sim.Bench;
using Reconnect.Testing.Bench;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Bench;

public sealed class HealScenarioTests
{
    [Fact]
    public void Baseline_restarts_ice_only_on_failed_rebuilds_media_backs_off_when_unreachable_and_keeps_the_default_backoff_and_ladder()
    {
        var baseline = BaselinePolicy.Options.ToOptions();
        var defaults = new ReconnectOptions();

        Assert.False(baseline.IceRestart.RestartOnDisconnected);
        Assert.True(baseline.ForceMediaRestartOnReconnect);
        Assert.Equal(
            (TimeSpan.FromMilliseconds(500), 2.0, TimeSpan.FromSeconds(30), 0.2, 100),
            (baseline.Backoff.InitialDelay, baseline.Backoff.Multiplier, baseline.Backoff.MaxDelay, baseline.Backoff.JitterFraction, baseline.Backoff.MaxAttempts));
        Assert.Equal(new[] { 0, 1, 2, 4, 8, 16, 30, 30, 30 }.Select(s => TimeSpan.FromSeconds(s)), baseline.IceRestart.Delays);
        Assert.Null(baseline.Backoff.OfflineProbeInterval);
        Assert.Equal(defaults.Backoff with { OfflineProbeInterval = null, ResumeWindowMaxDelay = defaults.Backoff.MaxDelay }, baseline.Backoff);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Baseline_never_hears_the_network_signal_in_either_row(bool signalRow)
    {
        var scenario = HealScenario.For(HealPolicy.Baseline, new HealCell(OutageKind.Offline, 5, signalRow));

        Assert.All(scenario.Peers, peer => Assert.False(peer.NetworkSignals, $"{peer.Name} hears the signal in the '{signalRow}' row"));
        Assert.All(scenario.Peers, peer => Assert.Equal(BaselinePolicy.Options, peer.Options));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reconnect_uses_default_options_and_the_offline_peer_hears_the_signal_only_in_the_with_row(bool signalRow)
    {
        var scenario = HealScenario.For(HealPolicy.Reconnect, new HealCell(OutageKind.Offline, 5, signalRow));

        Assert.Equal(signalRow, scenario.FindPeer(HealScenario.OfflinePeer)!.NetworkSignals);
        Assert.All(scenario.Peers, peer => Assert.Equal(new PeerOptionsSpec(), peer.Options));
    }

    [Fact]
    public void The_scenario_is_two_peers_with_a_camera_each_and_one_offline_fault_on_A()
    {
        var scenario = HealScenario.For(HealPolicy.Reconnect, new HealCell(OutageKind.Offline, 15, true));

        Assert.Equal(["A", "B"], scenario.Peers.Select(p => p.Name));
        Assert.All(scenario.Peers, peer => Assert.Single(peer.Streams));
        var fault = Assert.Single(scenario.Timeline);
        Assert.Equal((FaultKind.Offline, "A", HealScenario.OutageStartMs, 15_000), (fault.Kind, fault.Peer, fault.AtMs, fault.DurationMs));
        Assert.Empty(ScenarioLoader.Validate(scenario));
    }

    [Theory]
    [InlineData(OutageKind.Blackhole)]
    [InlineData(OutageKind.ServerCrash)]
    [InlineData(OutageKind.MediaOnly)]
    public void Kinds_the_operating_system_cannot_see_give_no_peer_the_signal_even_in_a_with_cell(object kindCase)
    {
        var kind = (OutageKind)kindCase;
        var scenario = HealScenario.For(HealPolicy.Reconnect, new HealCell(kind, 5, true));

        Assert.False(scenario.FindPeer(HealScenario.OfflinePeer)!.NetworkSignals);
        Assert.Equal("-", new HealCell(kind, 5, true).SignalLabel);
    }

    [Theory]
    [InlineData(OutageKind.Offline, "offline", "A")]
    [InlineData(OutageKind.Blackhole, "blackhole", "A")]
    [InlineData(OutageKind.ServerCrash, "server-crash", null)]
    [InlineData(OutageKind.MediaOnly, "media-drop", "A")]
    public void Each_kind_is_one_fault_from_the_outage_start_for_the_outage_length(object kindCase, string fault, string? peer)
    {
        var kind = (OutageKind)kindCase;
        var scenario = HealScenario.For(HealPolicy.Baseline, new HealCell(kind, 30, false));

        var only = Assert.Single(scenario.Timeline);
        Assert.Equal((fault, peer, HealScenario.OutageStartMs, 30_000), (only.Kind.ToJsonName(), only.Peer, only.AtMs, only.DurationMs));
        Assert.Empty(ScenarioLoader.Validate(scenario));
    }

    [Fact]
    public void Frozen_media_is_a_freeze_of_As_media_from_B_with_no_end_counted_from_its_onset_and_the_baseline_has_no_watchdog()
    {
        var cell = new HealCell(OutageKind.FrozenMedia, 30, false);
        var scenario = HealScenario.For(HealPolicy.Baseline, cell);

        var only = Assert.Single(scenario.Timeline);
        Assert.Equal((FaultKind.MediaFreeze, "A", "B", HealScenario.OutageStartMs, (int?)null), (only.Kind, only.Peer, only.Other, only.AtMs, only.DurationMs));
        Assert.Equal(HealScenario.OutageStartMs, HealScenario.MeasuredFromMs(cell));
        Assert.False(BaselinePolicy.Options.ToOptions().MediaWatchdog.Enabled);
        Assert.True(HealScenario.For(HealPolicy.Reconnect, cell).Peers.All(p => p.Options.ToOptions().MediaWatchdog.Enabled));
        Assert.Empty(ScenarioLoader.Validate(scenario));
    }

    [Fact]
    public void A_handoff_is_a_silent_loss_of_the_old_network_then_an_address_change_when_the_outage_ends()
    {
        var cell = new HealCell(OutageKind.Handoff, 15, true);
        var scenario = HealScenario.For(HealPolicy.Reconnect, cell);

        Assert.Collection(
            scenario.Timeline,
            fade => Assert.Equal((FaultKind.Blackhole, "A", HealScenario.OutageStartMs, (int?)15_000), (fade.Kind, fade.Peer, fade.AtMs, fade.DurationMs)),
            change => Assert.Equal((FaultKind.IpChange, "A", HealScenario.OutageEndMs(cell)), (change.Kind, change.Peer, change.AtMs)));
        Assert.True(scenario.FindPeer("A")!.NetworkSignals);
        Assert.Empty(ScenarioLoader.Validate(scenario));
    }

    [Fact]
    public void A_server_crash_cuts_off_both_clients_and_every_other_kind_only_A()
    {
        Assert.Equal(["A", "B"], HealScenario.AffectedPeers(OutageKind.ServerCrash));
        Assert.All(OutageKinds.All.Where(k => k != OutageKind.ServerCrash), kind => Assert.Equal(["A"], HealScenario.AffectedPeers(kind)));
    }
}

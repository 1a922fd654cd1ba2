using Reconnect.Core.Options;
using Reconnect.Sim.Bench;
using Reconnect.Sim.Scenarios;

namespace Reconnect.Sim.Tests.Bench;

public sealed class HealScenarioTests
{
    [Fact]
    public void Baseline_restarts_ice_only_on_failed_rebuilds_media_backs_off_when_unreachable_and_keeps_the_default_backoff_and_ladder()
    {
        var baseline = HealScenario.BaselineOptions.ToOptions();
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
        var scenario = HealScenario.For(HealPolicy.Baseline, new HealCell(5, signalRow));

        Assert.All(scenario.Peers, peer => Assert.False(peer.NetworkSignals, $"{peer.Name} hears the signal in the '{signalRow}' row"));
        Assert.All(scenario.Peers, peer => Assert.Equal(HealScenario.BaselineOptions, peer.Options));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reconnect_uses_default_options_and_the_offline_peer_hears_the_signal_only_in_the_with_row(bool signalRow)
    {
        var scenario = HealScenario.For(HealPolicy.Reconnect, new HealCell(5, signalRow));

        Assert.Equal(signalRow, scenario.FindPeer(HealScenario.OfflinePeer)!.NetworkSignals);
        Assert.All(scenario.Peers, peer => Assert.Equal(new PeerOptionsSpec(), peer.Options));
    }

    [Fact]
    public void The_scenario_is_two_peers_with_a_camera_each_and_one_offline_fault_on_A()
    {
        var scenario = HealScenario.For(HealPolicy.Reconnect, new HealCell(15, true));

        Assert.Equal(["A", "B"], scenario.Peers.Select(p => p.Name));
        Assert.All(scenario.Peers, peer => Assert.Single(peer.Streams));
        var fault = Assert.Single(scenario.Timeline);
        Assert.Equal((FaultKind.Offline, "A", HealScenario.OutageStartMs, 15_000), (fault.Kind, fault.Peer, fault.AtMs, fault.DurationMs));
        Assert.Empty(ScenarioLoader.Validate(scenario));
    }

    [Fact]
    public void Every_fault_the_bench_times_gives_a_valid_scenario_lasting_the_outage()
    {
        foreach (var fault in HealScenario.Faults)
        {
            var scenario = HealScenario.For(HealPolicy.Reconnect, new HealCell(5, true), fault);

            var spec = Assert.Single(scenario.Timeline);
            Assert.Equal((fault, HealScenario.OutageStartMs, 5_000), (spec.Kind, spec.AtMs, spec.DurationMs));
            Assert.Empty(ScenarioLoader.Validate(scenario));
        }
    }

    [Fact]
    public void A_fault_the_bench_cannot_time_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HealScenario.For(HealPolicy.Reconnect, new HealCell(5, true), FaultKind.PeerClose));
    }

    [Fact]
    public void A_bench_of_a_server_crash_heals_every_run_after_the_crash_ends()
    {
        var sample = HealSample.Measure(HealPolicy.Reconnect, new HealCell(5, true), 1, FaultKind.ServerCrash);

        Assert.NotNull(sample.HealMs);
        Assert.Equal(0, sample.Violations);
    }
}

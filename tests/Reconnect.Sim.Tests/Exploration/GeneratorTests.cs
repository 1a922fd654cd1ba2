using FsCheck;
using FsCheck.Fluent;
using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Exploration;

public sealed class GeneratorTests
{
    private static readonly FaultKind[] Terminal = [FaultKind.ServerKick, FaultKind.PeerClose];

    [Fact]
    public void Generated_cases_are_valid_scenarios_without_terminal_faults()
    {
        Prop.ForAll(Cases, explored =>
            {
                var scenario = explored.ToScenario();
                var problems = ScenarioLoader.Validate(scenario);
                Assert.True(problems.Count == 0, $"SEED=0x{explored.Seed:x}: {string.Join("; ", problems)}\n{explored}");
                Assert.DoesNotContain(scenario.Timeline, f => Terminal.Contains(f.Kind));
                Assert.All(scenario.Timeline, f => Assert.InRange(f.AtMs, 0, ExplorationCase.SafetyPhaseMs - 1));
                Assert.All(scenario.Peers, p => Assert.NotEqual(EvictionChoice.Stop, p.Options.OnEvicted));
                Assert.Equal(0, scenario.Peers[0].JoinAtMs);
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_shrunk_case_is_still_a_valid_scenario()
    {
        Prop.ForAll(Cases, explored =>
            {
                foreach (var candidate in ExplorationArb.Shrink(explored).Take(40))
                {
                    var problems = ScenarioLoader.Validate(candidate.ToScenario());
                    Assert.True(problems.Count == 0, $"SEED=0x{explored.Seed:x}: shrunk to an invalid scenario: {string.Join("; ", problems)}\n{candidate}");
                }
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Timed_network_faults_are_restored_before_the_liveness_phase()
    {
        var explored = new ExplorationCase(
            7,
            [PeerSetup.Baseline, PeerSetup.Baseline],
            [new FaultSpec { AtMs = 50_000, Kind = FaultKind.Loss, Loss = 0.3, DurationMs = 30_000 }]);

        var timeline = explored.ToScenario().Timeline;

        Assert.Equal(2, timeline.Count);
        Assert.Equal((50_000, 0.3), (timeline[0].AtMs, timeline[0].Loss!.Value));
        Assert.Equal((ExplorationCase.SafetyPhaseMs - 1, 0.0), (timeline[1].AtMs, timeline[1].Loss!.Value));
        Assert.All(timeline, f => Assert.Null(f.DurationMs));
    }

    [Fact]
    public void Every_kind_the_explorer_draws_gives_valid_scenarios_for_two_and_three_peers()
    {
        foreach (var (kind, _) in FaultScheduleGen.Kinds)
        {
            foreach (var peers in new[] { 2, 3 })
            {
                var names = ExplorationCase.PeerNames(peers);
                foreach (var fault in FaultScheduleGen.Of(kind, names).Sample(30, new Rnd(1), 20))
                {
                    var explored = new ExplorationCase(1, [.. Enumerable.Repeat(PeerSetup.Baseline, peers)], [fault]);
                    var problems = ScenarioLoader.Validate(explored.ToScenario());
                    Assert.True(problems.Count == 0, $"{kind.ToJsonName()}: {string.Join("; ", problems)}\n{explored}");
                }
            }
        }
    }

    [Fact]
    public void The_explorer_draws_every_new_fault_kind()
    {
        FaultKind[] drawn = [.. FaultScheduleGen.Kinds.Select(k => k.Kind)];

        Assert.Subset(
            drawn.ToHashSet(),
            new HashSet<FaultKind>
            {
                FaultKind.Blackhole, FaultKind.OneWayPartition, FaultKind.OneWayLoss, FaultKind.ServerCrash, FaultKind.TokenHang,
                FaultKind.ExpiredToken, FaultKind.Publish, FaultKind.ReplaceTrack, FaultKind.WallClockJump, FaultKind.MediaFreeze,
            });
    }

    [Fact]
    public void Wall_clock_jumps_name_a_peer_and_step_its_clock_forwards_and_backwards_never_by_zero()
    {
        var jumps = FaultScheduleGen.Of(FaultKind.WallClockJump, ExplorationCase.PeerNames(3)).Sample(200, new Rnd(2), 30);

        Assert.All(jumps, jump => Assert.Contains(jump.Peer, ExplorationCase.PeerNames(3)));
        Assert.All(jumps, jump => Assert.NotEqual(0, jump.OffsetMs ?? 0));
        Assert.Contains(jumps, jump => jump.OffsetMs > 0);
        Assert.Contains(jumps, jump => jump.OffsetMs < 0);
        Assert.Contains(FaultScheduleGen.Schedule(3, 4).Sample(200, new Rnd(3), 30).SelectMany(s => s), f => f.Kind == FaultKind.WallClockJump);
    }

    [Fact]
    public void A_timed_publish_becomes_a_publish_and_an_unpublish_of_a_stream_named_after_its_place()
    {
        var explored = new ExplorationCase(
            7,
            [PeerSetup.Baseline, PeerSetup.Baseline],
            [
                new FaultSpec { AtMs = 1_000, Kind = FaultKind.Offline, Peer = "A", DurationMs = 2_000 },
                new FaultSpec { AtMs = 10_000, Kind = FaultKind.Publish, Peer = "B", DurationMs = 5_000 },
            ]);

        var timeline = explored.ToScenario().Timeline;

        Assert.Equal(
            [(1_000, FaultKind.Offline, (string?)null), (10_000, FaultKind.Publish, "extra1"), (15_000, FaultKind.Unpublish, "extra1")],
            timeline.Select(f => (f.AtMs, f.Kind, f.Stream)));
        Assert.All(timeline.Where(f => f.Stream is not null), f => Assert.Null(f.DurationMs));
    }

    [Fact]
    public void Peer_whose_first_own_event_is_a_join_starts_outside_the_call()
    {
        var explored = new ExplorationCase(
            7,
            [PeerSetup.Baseline, PeerSetup.Baseline, PeerSetup.Baseline],
            [
                new FaultSpec { AtMs = 20_000, Kind = FaultKind.PeerJoin, Peer = "B" },
                new FaultSpec { AtMs = 10_000, Kind = FaultKind.PeerLeave, Peer = "C" },
                new FaultSpec { AtMs = 30_000, Kind = FaultKind.PeerJoin, Peer = "C" },
            ]);

        var peers = explored.ToScenario().Peers;

        Assert.Equal([0, null, 0], peers.Select(p => p.JoinAtMs));
    }

    [Fact]
    public void Options_stay_within_the_engine_validator()
    {
        Prop.ForAll(Arb.From(OptionsGen.Options), options =>
            {
                var result = new ReconnectOptionsValidator().Validate(null, options.ToOptions());
                Assert.False(result.Failed, $"{options}: {result.FailureMessage}");
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_option_shrink_stays_within_the_engine_validator_and_moves_toward_the_baseline()
    {
        Prop.ForAll(Arb.From(OptionsGen.Setup), setup =>
            {
                foreach (var simpler in OptionsGen.Shrink(setup))
                {
                    var result = new ReconnectOptionsValidator().Validate(null, simpler.Options.ToOptions());
                    Assert.False(result.Failed, $"{setup} shrank to {simpler}: {result.FailureMessage}");
                    Assert.True(Distance(simpler) < Distance(setup), $"{setup} shrank to {simpler}, which is no closer to the baseline");
                }
            })
            .QuickCheckThrowOnFailure();
    }

    private static int Distance(PeerSetup setup) =>
        (setup.NetworkSignals ? 0 : 1)
        + typeof(PeerOptionsSpec).GetProperties().Count(p => !Equals(p.GetValue(setup.Options), p.GetValue(PeerSetup.Baseline.Options)));

    private static Arbitrary<ExplorationCase> Cases => Arb.From(
        from peers in Gen.Choose(2, ExplorationCase.MaxPeers)
        from faults in Gen.Choose(0, 6)
        from explored in ExplorationArb.Cases(peers, faults)
        select explored);
}

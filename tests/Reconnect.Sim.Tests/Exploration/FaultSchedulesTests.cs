using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.Exploration;

public sealed class FaultSchedulesTests
{
    [Property(Arbitrary = [typeof(FaultSchedules)], MaxTest = 200)]
    public void The_attribute_form_draws_valid_self_healing_schedules_for_alice_and_bob(FaultSchedule schedule)
    {
        var problems = ScenarioLoader.Validate(schedule.ToScenario());

        Assert.True(problems.Count == 0, $"{schedule}\n{string.Join("\n", problems)}");
        Assert.Equal(FaultSchedules.DefaultPeers, schedule.Peers);
        Assert.InRange(schedule.Faults.Count, 1, FaultSchedules.DefaultMaxFaults);
        Assert.All(schedule.Faults, f => Assert.Contains(f.Kind, FaultSchedules.Kinds));
        Assert.Equal(schedule.Faults.OrderBy(f => f.AtMs), schedule.Faults);
    }

    [Fact]
    public void Schedules_draw_every_self_healing_kind_and_none_that_lasts_or_ends_a_call()
    {
        var kinds = FaultSchedules.For(["carol", "dave", "erin"], maxFaults: 6).Generator.Sample(300, new Rnd(1), 50)
            .SelectMany(s => s.Faults).Select(f => f.Kind).ToHashSet();

        Assert.Equal(FaultSchedules.Kinds.Order(), kinds.Order());
        Assert.DoesNotContain(FaultKind.ServerKick, FaultSchedules.Kinds);
        Assert.DoesNotContain(FaultKind.PeerClose, FaultSchedules.Kinds);
        Assert.DoesNotContain(FaultKind.Latency, FaultSchedules.Kinds);
    }

    [Fact]
    public void Schedules_aim_only_at_the_given_peers_or_the_server()
    {
        string[] peers = ["carol", "dave", "erin"];
        Prop.ForAll(FaultSchedules.For(peers), schedule =>
            {
                Assert.All(schedule.Faults, f => Assert.True(f.Peer is null || peers.Contains(f.Peer), schedule.ToString()));
                Assert.All(schedule.Faults, f => Assert.True(f.Other is null || f.Other == SimWorld.ServerHost || peers.Contains(f.Other), schedule.ToString()));
                Assert.Empty(ScenarioLoader.Validate(schedule.ToScenario()));
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_seed_always_gives_the_same_schedule_and_the_generator_replays_for_one_random_seed()
    {
        Assert.All(new ulong[] { 0, 1, 0x2a, ulong.MaxValue }, seed => Assert.Equal(FaultSchedules.FromSeed(seed), FaultSchedules.FromSeed(seed)));
        Assert.NotEqual(FaultSchedules.FromSeed(1).Faults, FaultSchedules.FromSeed(2).Faults);
        var generator = FaultSchedules.Schedules().Generator;

        Assert.Equal(generator.Sample(30, new Rnd(7), 20), generator.Sample(30, new Rnd(7), 20));
        Assert.All(generator.Sample(30, new Rnd(7), 20), s => Assert.Equal(FaultSchedules.FromSeed(s.Seed), s));
    }

    [Fact]
    public void Every_shrink_is_a_valid_schedule_with_fewer_faults_or_faults_no_later_longer_or_harsher()
    {
        Prop.ForAll(FaultSchedules.Schedules(), schedule =>
            {
                foreach (var shrunk in FaultSchedules.Shrink(schedule))
                {
                    Assert.True(ScenarioLoader.Validate(shrunk.ToScenario()).Count == 0, $"{schedule}\nshrank to\n{shrunk}");
                    Assert.Equal((schedule.Seed, schedule.Peers), (shrunk.Seed, shrunk.Peers));
                    Assert.True(
                        shrunk.Faults.Count < schedule.Faults.Count || Weight(shrunk) < Weight(schedule) || DropsOther(schedule, shrunk),
                        $"{schedule}\nshrank to no simpler\n{shrunk}");
                }
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Shrinking_a_failure_ends_at_one_fault_at_the_start_lasting_the_shortest_time()
    {
        var schedule = FaultSchedules.FromSeed(0x2a, maxFaults: 8) with
        {
            Faults = [.. FaultSchedules.FromSeed(0x2a, maxFaults: 8).Faults,
                new FaultSpec { AtMs = 40_000, Kind = FaultKind.Offline, Peer = "alice", DurationMs = 30_000 }],
        };
        static bool Fails(FaultSchedule s) => s.Faults.Any(f => f is { Kind: FaultKind.Offline, Peer: "alice" });

        while (FaultSchedules.Shrink(schedule).FirstOrDefault(Fails) is { } simpler)
        {
            schedule = simpler;
        }

        Assert.Equal(
            new FaultSpec { AtMs = 0, Kind = FaultKind.Offline, Peer = "alice", DurationMs = FaultScheduleGen.MinDurationMs },
            Assert.Single(schedule.Faults));
    }

    [Fact]
    public void The_text_shows_the_seed_and_every_fault_as_scenario_json_that_reads_back()
    {
        var schedule = FaultSchedules.FromSeed(0x2a, maxFaults: 6);

        var lines = schedule.ToString().Split('\n');

        Assert.StartsWith("FaultSchedule SEED=0x2a for alice, bob, ", lines[0], StringComparison.Ordinal);
        Assert.Equal(
            schedule.Faults,
            lines.Skip(1).Select(line => JsonSerializer.Deserialize<FaultSpec>(line.Trim(), ScenarioJson.Options)));
    }

    [Fact]
    public void A_longest_outage_cuts_every_duration_to_it_and_keeps_the_schedule_valid_and_replayable()
    {
        var cap = TimeSpan.FromSeconds(20);
        Prop.ForAll(FaultSchedules.For(FaultSchedules.DefaultPeers, maxOutage: cap), schedule =>
            {
                Assert.All(schedule.Faults, f => Assert.True(f.DurationMs is null or <= 20_000, schedule.ToString()));
                Assert.Empty(ScenarioLoader.Validate(schedule.ToScenario()));
                Assert.Equal(FaultSchedules.FromSeed(schedule.Seed, maxOutage: cap), FaultSchedules.FromSeed(schedule.Seed, maxOutage: cap));
            })
            .QuickCheckThrowOnFailure();
        Assert.Contains(Enumerable.Range(0, 200).Select(i => FaultSchedules.FromSeed((ulong)i)), s => s.Faults.Any(f => f.DurationMs > 20_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultSchedules.For(FaultSchedules.DefaultPeers, maxOutage: TimeSpan.FromMilliseconds(499)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FaultSchedules.FromSeed(1, maxOutage: TimeSpan.FromSeconds(71)));
    }

    [Fact]
    public void Peers_must_be_at_least_two_distinct_names_other_than_the_server()
    {
        Assert.Throws<ArgumentException>(() => FaultSchedules.For(["alice"]));
        Assert.Throws<ArgumentException>(() => FaultSchedules.For(["alice", "alice"]));
        Assert.Throws<ArgumentException>(() => FaultSchedules.FromSeed(1, ["alice", SimWorld.ServerHost]));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(0x2aUL)]
    [InlineData(0xc0ffeeUL)]
    public void A_drawn_schedule_runs_in_the_simulator_and_the_call_heals(ulong seed)
    {
        var schedule = FaultSchedules.FromSeed(seed);
        var scenario = schedule.ToScenario();
        var world = new SimWorld(scenario);

        var problems = HealingProperty.Check(new RunOutcome(scenario, world, world.Run()));

        Assert.True(problems.Count == 0, $"{schedule}\n{string.Join("\n", problems)}");
        Assert.True(schedule.End > TimeSpan.Zero, schedule.ToString());
    }

    [Property(Arbitrary = [typeof(FaultSchedules)], MaxTest = 4)]
    public void The_readme_property_runs_a_simulated_call_over_drawn_schedules_and_it_heals(FaultSchedule schedule)
    {
        var result = new SimWorld(schedule.ToScenario()).Run();

        Assert.True(result.Healed, schedule.ToString());
    }

    private static double Weight(FaultSchedule schedule) => schedule.Faults.Sum(f =>
        f.AtMs + (f.DurationMs ?? 0) + (f.Count ?? 0) + (f.RetryAfterMs ?? -1) + ((f.Loss ?? 0) * 100));

    private static bool DropsOther(FaultSchedule schedule, FaultSchedule shrunk) =>
        schedule.Faults.Count(f => f.Other is not null) > shrunk.Faults.Count(f => f.Other is not null);
}

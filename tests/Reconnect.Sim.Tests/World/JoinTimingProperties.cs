using FsCheck;
using FsCheck.Fluent;
using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

/// <summary>
/// Issue 6, rule 0: a late joiner is never dropped. Two or three peers join within a few hundred milliseconds of
/// each other under latency jitter (so roster snapshots and roster events race), with or without one fault near the
/// joins; every run must heal: every pair connected both ways, rosters equal, nobody closed. A failure prints the
/// seed and the scenario, which replays with <c>run</c>.
/// </summary>
public sealed class JoinTimingProperties
{
    private const int MaxJoinSpreadMs = 400;
    private const int MaxFaultAtMs = 3_000;

    /// <summary>The faults near the joins: every kind the explorer draws, except a peer leaving or joining on its own.</summary>
    private static readonly FaultKind[] FaultKinds =
        [.. FaultScheduleGen.Kinds.Select(k => k.Kind).Where(k => k is not (FaultKind.PeerJoin or FaultKind.PeerLeave))];

    [Fact]
    public void Peers_joining_within_400_ms_of_each_other_under_jitter_always_connect()
    {
        Prop.ForAll(Cases(withFault: false).ToArbitrary(), Heals).Check(Config.QuickThrowOnFailure.WithMaxTest(150));
    }

    [Fact]
    public void Peers_joining_within_400_ms_of_each_other_with_a_fault_near_the_joins_always_connect()
    {
        Prop.ForAll(Cases(withFault: true).ToArbitrary(), Heals).Check(Config.QuickThrowOnFailure.WithMaxTest(150));
    }

    private static Gen<JoinTimingCase> Cases(bool withFault) =>
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        let seed = ((ulong)(uint)high << 32) | (uint)low
        from peers in Gen.Choose(2, ExplorationCase.MaxPeers)
        from offsets in Gen.Choose(0, MaxJoinSpreadMs).ArrayOf(peers - 1)
        from latency in Gen.Choose(10, 80)
        from jitter in Gen.Choose(0, 40)
        from fault in withFault ? NearTheJoins(peers).Select(f => (FaultSpec?)f) : Gen.Constant<FaultSpec?>(null)
        select new JoinTimingCase(seed, [0, .. offsets], latency, jitter, fault);

    private static Gen<FaultSpec> NearTheJoins(int peers) =>
        from kind in Gen.Elements(FaultKinds)
        from fault in FaultScheduleGen.Of(kind, ExplorationCase.PeerNames(peers))
        from at in Gen.Choose(0, MaxFaultAtMs)
        select fault with { AtMs = at };

    private static Property Heals(JoinTimingCase c)
    {
        var scenario = c.ToScenario();
        var world = new SimWorld(scenario);
        var problems = HealingProperty.Check(new RunOutcome(scenario, world, world.Run()));
        return (problems.Count == 0).Label($"{string.Join("\n", problems)}\n{ScenarioLoader.ToJson(scenario)}");
    }

    /// <summary>One generated run: peer i joins at <c>JoinAtMs[i]</c>; the network has this latency and jitter.</summary>
    private sealed record JoinTimingCase(ulong Seed, int[] JoinAtMs, int LatencyMs, int JitterMs, FaultSpec? Fault)
    {
        public Scenario ToScenario()
        {
            var baseline = Enumerable.Repeat(PeerSetup.Baseline, JoinAtMs.Length).ToList();
            var scenario = new ExplorationCase(Seed, baseline, Fault is null ? [] : [Fault]).ToScenario();
            return scenario with
            {
                Name = $"join-timing-{scenario.Name}",
                Network = new NetworkSettings { LatencyMs = LatencyMs, JitterMs = JitterMs },
                Peers = [.. scenario.Peers.Select((p, i) => p with { JoinAtMs = JoinAtMs[i] })],
            };
        }
    }
}

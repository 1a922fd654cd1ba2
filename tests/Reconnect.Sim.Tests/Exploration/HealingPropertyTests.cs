using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.Exploration;

/// <summary>The property generated runs must have, at its one exception: a provider of expired tokens may end a call.</summary>
public sealed class HealingPropertyTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void A_peer_whose_provider_hands_out_enough_expired_tokens_before_its_join_may_end_closed_with_4002(int count)
    {
        var (outcome, b) = Run(count);

        Assert.Equal(LocalPeerState.Closed, b.Engine.Snapshot.Local);
        Assert.Contains(outcome.Result.Trace.Events, e => e is { Peer: "B", Event: "error", Code: 4002 });
        Assert.Empty(HealingProperty.Check(outcome));
    }

    [Fact]
    public void Fewer_expired_tokens_than_the_limit_are_retried_and_the_call_heals()
    {
        var (outcome, b) = Run(2);

        Assert.Equal(LocalPeerState.Joined, b.Engine.Snapshot.Local);
        Assert.Empty(HealingProperty.Check(outcome));
    }

    [Theory]
    [InlineData(7UL)]
    [InlineData(0x5c31421951880734UL)]
    public void A_run_where_every_peer_was_ended_by_expired_tokens_has_nothing_to_heal(ulong seed)
    {
        var outcome = Run(seed, Expired("A", 3), Expired("B", 3));

        Assert.All(outcome.World.Peers, p => Assert.Equal(LocalPeerState.Closed, p.Engine.Snapshot.Local));
        Assert.False(outcome.Result.Healed);
        Assert.Empty(HealingProperty.Check(outcome));
    }

    [Fact]
    public void A_run_where_one_peer_left_and_the_other_was_ended_by_expired_tokens_has_nothing_to_heal()
    {
        var outcome = Run(LeftAndEndedSeed, Expired("A", 3), new FaultSpec { AtMs = 0, Kind = FaultKind.PeerLeave, Peer = "B" });

        Assert.True(outcome.World.Peers.Single(p => p.Name == "B").Departed);
        Assert.Equal(LocalPeerState.Closed, outcome.World.Peers.Single(p => p.Name == "A").Engine.Snapshot.Local);
        Assert.False(outcome.Result.Healed);
        Assert.Empty(HealingProperty.Check(outcome));
    }

    [Fact]
    public void Expired_token_faults_of_one_peer_add_up_to_the_limit_that_may_end_its_call()
    {
        var outcome = Run(0x5f7660ce469a0faf, Expired("B", 1), Expired("B", 2));

        Assert.Equal(LocalPeerState.Closed, outcome.World.Peers.Single(p => p.Name == "B").Engine.Snapshot.Local);
        Assert.Empty(HealingProperty.Check(outcome));
    }

    [Fact]
    public void A_run_where_every_peer_was_ended_has_no_fault_left_to_see_healed()
    {
        var outcome = Run(0xe9b2042a4fbc5e93, Expired("B", 3), Expired("A", 3), new FaultSpec { AtMs = 774, Kind = FaultKind.ServerRestart, DurationMs = 500 });

        Assert.All(outcome.World.Peers, p => Assert.Equal(LocalPeerState.Closed, p.Engine.Snapshot.Local));
        Assert.Empty(HealingProperty.Check(outcome));
    }

    [Fact]
    public void A_peer_ended_without_a_terminal_fault_is_still_a_problem_when_nobody_is_left()
    {
        var outcome = Run(LeftAndEndedSeed, Expired("A", 3), new FaultSpec { AtMs = 0, Kind = FaultKind.PeerLeave, Peer = "B" });
        var b = outcome.World.Peers.Single(p => p.Name == "B");
        var unexplained = outcome with { Scenario = outcome.Scenario with { Timeline = [.. outcome.Scenario.Timeline.Where(f => f.Kind != FaultKind.ExpiredToken)] } };

        Assert.True(b.Departed);
        Assert.Contains(HealingProperty.Check(unexplained), p => p.Contains("A ended closed", StringComparison.Ordinal));
    }

    /// <summary>A seed exploration found where B leaves at once and A's provider ends A's call before anyone heals.</summary>
    private const ulong LeftAndEndedSeed = 0xa0e1a8676905c806;

    private static FaultSpec Expired(string peer, int count) => new() { AtMs = 0, Kind = FaultKind.ExpiredToken, Peer = peer, Count = count };

    private static (RunOutcome Outcome, SimPeer B) Run(int expiredTokens)
    {
        var outcome = Run(7, Expired("B", expiredTokens));
        return (outcome, outcome.World.Peers.Single(p => p.Name == "B"));
    }

    private static RunOutcome Run(ulong seed, params FaultSpec[] faults)
    {
        var scenario = new ExplorationCase(seed, [PeerSetup.Baseline, PeerSetup.Baseline], faults).ToScenario();
        var world = new SimWorld(scenario);
        return new RunOutcome(scenario, world, world.Run());
    }
}

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

    private static (RunOutcome Outcome, SimPeer B) Run(int expiredTokens)
    {
        var fault = new FaultSpec { AtMs = 0, Kind = FaultKind.ExpiredToken, Peer = "B", Count = expiredTokens };
        var scenario = new ExplorationCase(7, [PeerSetup.Baseline, PeerSetup.Baseline], [fault]).ToScenario();
        var world = new SimWorld(scenario);
        var outcome = new RunOutcome(scenario, world, world.Run());
        return (outcome, world.Peers.Single(p => p.Name == "B"));
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class HealthGatedMediaRuleTests
{
    private static readonly RosterEntry[] Roster = [EngineHarness.Peer("B"), EngineHarness.Peer("C"), EngineHarness.Peer("D")];

    /// <summary>B connected, C disconnected, D never connected; then a socket drop and a reconnect.</summary>
    private static (EngineHarness Harness, int Dropped) MixedHealthThroughAReconnect(ReconnectOptions options)
    {
        var h = new EngineHarness(options).Join("A", "room", Roster);
        h.MediaConnected("B");
        h.MediaConnected("C");
        h.Ice("C", IceConnectionState.Disconnected);
        h.DropSocket();
        var dropped = h.Checkpoint;
        h.Reconnect(Roster);
        return (h, dropped);
    }

    [Fact]
    public void Connected_remote_keeps_its_connection_through_a_socket_reconnect()
    {
        var (h, dropped) = MixedHealthThroughAReconnect(new ReconnectOptions());

        Assert.Equal(1, h.Remote("B").Generation);
        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
        Assert.DoesNotContain(h.Since<CreateConnection>(dropped), c => c.RemotePeerId == "B");
        Assert.DoesNotContain(h.Since<CloseConnection>(dropped), c => c.RemotePeerId == "B");
        Assert.Contains(CoverageMarks.ReconcileKeep, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Remote_that_is_not_connected_is_rebuilt_after_a_socket_reconnect()
    {
        var (h, dropped) = MixedHealthThroughAReconnect(new ReconnectOptions());

        Assert.Equal(["C", "D"], h.Since<CreateConnection>(dropped).Select(c => c.RemotePeerId));
        Assert.Equal([2, 2], h.Since<CreateConnection>(dropped).Select(c => c.Generation));
        Assert.Equal(["C", "D"], h.Since<DataChannelsResetNotice>(dropped).Select(c => c.RemotePeerId));
    }

    [Fact]
    public void ForceMediaRestartOnReconnect_rebuilds_every_remote_the_healthy_included()
    {
        var (h, dropped) = MixedHealthThroughAReconnect(new ReconnectOptions { ForceMediaRestartOnReconnect = true });

        Assert.Equal(["B", "C", "D"], h.Since<CreateConnection>(dropped).Select(c => c.RemotePeerId));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Equal(2, h.Remote("B").Generation);
    }

    [Fact]
    public void Rebuilt_connection_offers_on_its_new_generation()
    {
        var (h, dropped) = MixedHealthThroughAReconnect(new ReconnectOptions());

        Assert.Equal([("C", 2), ("D", 2)], h.Since<CreateOffer>(dropped).Select(o => (o.RemotePeerId, o.Generation)));
        Assert.Empty(h.RestartOffers(dropped));
    }

    [Fact]
    public void A_connection_built_before_a_drop_that_came_before_the_first_roster_is_rebuilt_by_the_next_reconcile()
    {
        var h = new EngineHarness();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();
        h.ServerSends(new PeerJoinedMessage(EngineHarness.Peer("B")));
        Assert.Equal(1, h.Remote("B").Generation);
        h.DropSocket();

        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal(2, h.Remote("B").Generation);
        Assert.Contains(new CreateOffer("B", 2), h.All<CreateOffer>());
        Assert.Contains(CoverageMarks.ReconcileSwap, h.Engine.Coverage.Keys);
    }
}

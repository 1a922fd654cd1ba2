using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class RemotePeerRuleTests
{
    private static EngineHarness JoinedWith(string remote) =>
        new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer(remote, streams: "cam"));

    private static EngineHarness WithExhaustedLadder()
    {
        var h = new EngineHarness(EngineHarness.NoEscalation).Join("A", "room", EngineHarness.Peer("B", streams: "cam"));
        h.MediaConnected("B");
        h.StreamArrives("B", "cam");
        h.Ice("B", IceConnectionState.Failed);
        h.Advance(TimeSpan.FromSeconds(136));
        Assert.Equal(RemotePeerState.Closed, h.Remote("B").State);
        return h;
    }

    [Fact]
    public void Ice_failure_before_the_first_connect_starts_the_ladder()
    {
        var h = JoinedWith("B");

        h.Ice("B", IceConnectionState.Failed);

        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Equal(1, Assert.Single(h.All<IceRestartStartedNotice>()).Attempt);
    }

    [Fact]
    public void Disconnected_before_the_first_connect_is_left_to_the_connect_timeout()
    {
        var h = JoinedWith("B");
        var before = h.Checkpoint;

        h.Ice("B", IceConnectionState.Disconnected);
        h.Ice("B", IceConnectionState.Checking);

        Assert.Equal(RemotePeerState.Connecting, h.Remote("B").State);
        Assert.Empty(h.Since<RemoteStateChangedNotice>(before));
        Assert.True(h.IsArmed(TimerKind.IceAttemptTimeout, "B"));
    }

    [Fact]
    public void Connected_again_while_connected_is_not_a_state_change()
    {
        var h = JoinedWith("B");
        h.MediaConnected("B");
        var before = h.Checkpoint;

        h.Ice("B", IceConnectionState.Completed);

        Assert.Empty(h.Since<RemoteStateChangedNotice>(before));
    }

    [Fact]
    public void Peer_that_leaves_while_reconnecting_is_closed_and_removed_with_its_streams()
    {
        var h = JoinedWith("B");
        h.MediaConnected("B");
        h.StreamArrives("B", "cam");
        h.Ice("B", IceConnectionState.Disconnected);
        var bob = h.Remote("B");

        h.ServerSends(new PeerLeftMessage("B", bob.SessionId, "network-disconnect"));

        Assert.Equal((RemotePeerState.Reconnecting, RemotePeerState.Closed), (h.RemoteChanges("B").Last().From, h.RemoteChanges("B").Last().To));
        Assert.Equal(new PeerLeftNotice("B", bob.Ref, "network-disconnect"), Assert.Single(h.All<PeerLeftNotice>()));
        Assert.Single(h.All<StreamRemovedNotice>());
        Assert.DoesNotContain(h.ArmedTimers, t => t.Id.Owner == "B");
    }

    [Fact]
    public void Peer_that_leaves_while_connected_is_closed_its_connection_closed_and_removed()
    {
        var h = JoinedWith("B");
        h.MediaConnected("B");
        var bob = h.Remote("B");
        var before = h.Checkpoint;

        h.ServerSends(new PeerLeftMessage("B", bob.SessionId, "left"));

        Assert.Equal([(RemotePeerState.Connected, RemotePeerState.Closed)], h.RemoteChanges("B", before).Select(c => (c.From, c.To)));
        Assert.Equal(new CloseConnection("B", 1), Assert.Single(h.Since<CloseConnection>(before)));
        Assert.DoesNotContain(h.Snapshot.Remotes, r => r.Id == "B");
    }

    [Fact]
    public void A_connection_rebuilt_before_it_ever_connected_keeps_the_peer_connecting_until_ice_connects()
    {
        var h = JoinedWith("B");
        h.DropSocket();
        var before = h.Checkpoint;

        h.Reconnect(EngineHarness.Peer("B", streams: "cam"));

        Assert.Equal(2, h.Remote("B").Generation);
        Assert.Equal(RemotePeerState.Connecting, h.Remote("B").State);
        Assert.Empty(h.RemoteChanges("B", before));
        Assert.True(h.IsArmed(TimerKind.IceAttemptTimeout, "B"));
    }

    [Fact]
    public void A_rebuilt_connection_of_a_connected_peer_that_never_connects_starts_the_ladder_at_the_connect_timeout()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket with { ForceMediaRestartOnReconnect = true })
            .Join("A", "room", EngineHarness.Peer("B", streams: "cam"));
        h.MediaConnected("B");
        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B", streams: "cam"));
        Assert.Equal((2, RemotePeerState.Reconnecting), (h.Remote("B").Generation, h.Remote("B").State));
        var rebuiltAt = h.Now;

        var started = h.AdvanceUntil<IceRestartStartedNotice>(TimeSpan.FromMinutes(1));

        Assert.Equal(1, started.Attempt);
        Assert.Equal(h.Engine.Options.IceRestart.ConnectTimeout, h.Now - rebuiltAt);
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
    }

    [Fact]
    public void Exhausted_remote_keeps_its_identity_until_it_truly_leaves()
    {
        var h = WithExhaustedLadder();
        var bob = h.Remote("B");
        var before = h.Checkpoint;

        h.ServerSends(new PeerLeftMessage("B", bob.SessionId, "left"));

        Assert.Equal(new PeerLeftNotice("B", bob.Ref, "left"), Assert.Single(h.Since<PeerLeftNotice>(before)));
        Assert.Single(h.Since<StreamRemovedNotice>(before));
        Assert.Empty(h.Since<RemoteStateChangedNotice>(before));
        Assert.Empty(h.Snapshot.Remotes);
    }

    [Fact]
    public void Exhausted_remote_that_is_still_in_the_roster_after_a_reconnect_gets_a_new_RemotePeer()
    {
        var h = WithExhaustedLadder();
        var old = h.Remote("B");
        h.DropSocket();

        h.Reconnect(EngineHarness.Peer("B", streams: "cam"));

        Assert.Equal(old.Ref, Assert.Single(h.All<PeerLeftNotice>()).Ref);
        Assert.NotEqual(old.Ref, h.Remote("B").Ref);
        Assert.Equal(RemotePeerState.Connecting, h.Remote("B").State);
    }

    [Fact]
    public void Exhausted_remote_stays_closed_when_the_local_peer_leaves()
    {
        var h = WithExhaustedLadder();
        var before = h.Checkpoint;

        h.Feed(new LeaveRequested());
        h.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(LocalPeerState.Idle, h.Snapshot.Local);
        Assert.Empty(h.Since<RemoteStateChangedNotice>(before));
        Assert.Empty(h.Snapshot.Remotes);
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>The other side knows: the server's peer-away shows a remote peer reconnecting at once with the reason, leaving flowing media alone; peer-back ends it.</summary>
public sealed class PeerAwayRuleTests
{
    private const string SessionB = "session-B";

    [Fact]
    public void Peer_away_turns_a_connected_peer_reconnecting_at_once_with_the_reason()
    {
        var h = Connected();
        var from = h.Checkpoint;

        h.ServerSends(new PeerAwayMessage("B", SessionB, "socket-closed"));

        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Equal([new PeerAwayNotice("B", h.Remote("B").Ref, "socket-closed", null)], h.Since<PeerAwayNotice>(from));
        var change = Assert.Single(h.RemoteChanges("B", from));
        Assert.Equal((RemotePeerState.Connected, RemotePeerState.Reconnecting, "peer away: socket-closed"), (change.From, change.To, change.Reason));
    }

    [Fact]
    public void Peer_away_carries_the_servers_close_code_to_the_app()
    {
        var h = Connected();

        h.ServerSends(new PeerAwayMessage("B", SessionB, "closed-by-server", 4002));

        Assert.Equal(4002, Assert.Single(h.All<PeerAwayNotice>()).CloseCode);
        Assert.Equal("peer away: closed-by-server 4002", h.RemoteChanges("B").Last().Reason);
    }

    [Fact]
    public void Peer_away_leaves_flowing_media_alone()
    {
        var h = Connected();
        var from = h.Checkpoint;

        h.ServerSends(new PeerAwayMessage("B", SessionB, "heartbeat-missed"));
        h.Advance(TimeSpan.FromSeconds(20));

        Assert.Empty(h.Since<CloseConnection>(from));
        Assert.Empty(h.Since<CreateConnection>(from));
        Assert.Empty(h.RestartOffers(from));
        Assert.Empty(h.Since<IceRestartStartedNotice>(from));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
    }

    [Fact]
    public void Peer_back_returns_an_away_peer_with_connected_media_to_connected()
    {
        var h = Connected();
        h.ServerSends(new PeerAwayMessage("B", SessionB, "socket-closed"));
        var from = h.Checkpoint;

        h.ServerSends(new PeerBackMessage("B", SessionB));

        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
        Assert.Single(h.Since<PeerBackNotice>(from));
        Assert.Equal("peer back", Assert.Single(h.RemoteChanges("B", from)).Reason);
    }

    [Fact]
    public void Ice_connected_while_away_keeps_the_peer_away()
    {
        var h = Connected();
        h.ServerSends(new PeerAwayMessage("B", SessionB, "socket-closed"));

        h.Ice("B", IceConnectionState.Completed);

        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
    }

    [Fact]
    public void Media_lost_while_away_starts_the_disconnected_grace_then_the_ladder()
    {
        var h = Connected();
        h.ServerSends(new PeerAwayMessage("B", SessionB, "socket-closed"));

        h.Ice("B", IceConnectionState.Disconnected);

        Assert.True(h.IsArmed(TimerKind.IceDisconnectedGrace, "B"));
        Assert.Empty(h.All<IceRestartStartedNotice>());
        h.Advance(new ReconnectOptions().IceRestart.DisconnectedGrace);
        Assert.Single(h.All<IceRestartStartedNotice>());
    }

    [Fact]
    public void Peer_back_after_media_was_lost_leaves_the_peer_to_its_media()
    {
        var h = Connected();
        h.ServerSends(new PeerAwayMessage("B", SessionB, "socket-closed"));
        h.Ice("B", IceConnectionState.Disconnected);
        var from = h.Checkpoint;

        h.ServerSends(new PeerBackMessage("B", SessionB));

        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.True(h.IsArmed(TimerKind.IceDisconnectedGrace, "B"));
        Assert.Single(h.Since<PeerBackNotice>(from));
        Assert.Contains(h.Since<InputIgnoredNotice>(from), n => n.Input.Contains("PeerBack", StringComparison.Ordinal));
    }

    [Fact]
    public void An_address_change_while_away_restarts_ice_as_when_connected()
    {
        var h = Connected();
        h.ServerSends(new PeerAwayMessage("B", SessionB, "socket-closed"));

        h.Feed(new NetworkChanged(NetworkChange.AddressChanged));

        Assert.Equal(1, Assert.Single(h.All<IceRestartStartedNotice>()).Attempt);
        Assert.Equal(1, h.Remote("B").LadderAttempt);
    }

    [Fact]
    public void Peer_away_while_media_is_still_connecting_changes_no_state_but_tells_the_app()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var from = h.Checkpoint;

        h.ServerSends(new PeerAwayMessage("B", SessionB, "socket-closed"));

        Assert.Equal(RemotePeerState.Connecting, h.Remote("B").State);
        Assert.Single(h.Since<PeerAwayNotice>(from));
        Assert.Contains(h.Since<InputIgnoredNotice>(from), n => n.Input.Contains("PeerAway", StringComparison.Ordinal));
    }

    [Fact]
    public void Peer_away_for_an_unknown_peer_is_ignored_with_a_reason()
    {
        var h = Connected();
        var from = h.Checkpoint;

        h.ServerSends(new PeerAwayMessage("Z", "session-Z", "socket-closed"));

        Assert.Empty(h.Since<PeerAwayNotice>(from));
        Assert.Equal("unknown or departed peer", Assert.Single(h.Since<InputIgnoredNotice>(from)).Reason);
    }

    [Fact]
    public void Peer_away_for_another_session_of_the_peer_is_ignored_as_stale()
    {
        var h = Connected();
        var from = h.Checkpoint;

        h.ServerSends(new PeerAwayMessage("B", "session-old", "socket-closed"));
        h.ServerSends(new PeerBackMessage("B", "session-old"));

        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
        Assert.Empty(h.Since<PeerAwayNotice>(from));
        Assert.All(h.Since<InputIgnoredNotice>(from), n => Assert.StartsWith("stale session", n.Reason, StringComparison.Ordinal));
        Assert.Equal(2, h.Since<InputIgnoredNotice>(from).Count());
    }

    [Fact]
    public void Peer_away_after_the_peer_left_is_ignored()
    {
        var h = Connected();
        h.ServerSends(new PeerLeftMessage("B", SessionB, "left"));
        var from = h.Checkpoint;

        h.ServerSends(new PeerAwayMessage("B", SessionB, "socket-closed"));

        Assert.Empty(h.Since<PeerAwayNotice>(from));
        Assert.Single(h.Since<InputIgnoredNotice>(from));
    }

    [Fact]
    public void A_peer_that_leaves_while_away_is_removed()
    {
        var h = Connected();
        h.ServerSends(new PeerAwayMessage("B", SessionB, "socket-closed"));

        h.ServerSends(new PeerLeftMessage("B", SessionB, "network-disconnect"));

        Assert.Empty(h.Snapshot.Remotes);
        Assert.Equal("network-disconnect", Assert.Single(h.All<PeerLeftNotice>()).Reason);
    }

    [Fact]
    public void A_local_reconnect_keeps_an_away_peers_flowing_media_and_takes_it_back_when_the_roster_lists_it_attached()
    {
        var h = Connected();
        h.ServerSends(new PeerAwayMessage("B", SessionB, "socket-closed"));
        var from = h.Checkpoint;

        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Empty(h.Since<CreateConnection>(from));
        Assert.Single(h.Since<PeerBackNotice>(from));
        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
    }

    [Fact]
    public void A_local_reconnect_keeps_an_away_peer_away_while_the_roster_still_lists_it_away()
    {
        var h = Connected();
        h.ServerSends(new PeerAwayMessage("B", SessionB, "socket-closed"));
        var from = h.Checkpoint;

        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B") with { Away = "socket-closed" });

        Assert.Empty(h.Since<CreateConnection>(from));
        Assert.Empty(h.Since<PeerBackNotice>(from));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);

        h.ServerSends(new PeerBackMessage("B", SessionB));

        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
    }

    [Fact]
    public void A_local_reconnect_shows_a_connected_peer_the_roster_lists_away_as_away_with_the_listed_reason()
    {
        var h = Connected();
        var from = h.Checkpoint;

        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B") with { Away = "heartbeat-missed" });

        Assert.Empty(h.Since<CreateConnection>(from));
        Assert.Equal([new PeerAwayNotice("B", h.Remote("B").Ref, "heartbeat-missed", null)], h.Since<PeerAwayNotice>(from));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Equal("peer away: heartbeat-missed (the roster lists it away)", h.RemoteChanges("B", from).Last().Reason);
    }

    [Fact]
    public void The_away_field_of_a_roster_entry_is_left_out_while_attached_and_read_back_when_away()
    {
        var attached = ProtocolCodec.Encode(new RosterMessage(1, [EngineHarness.Peer("B")]));
        var away = ProtocolCodec.Encode(new RosterMessage(1, [EngineHarness.Peer("B") with { Away = "socket-closed" }]));

        Assert.DoesNotContain("away", attached, StringComparison.Ordinal);
        Assert.True(ProtocolCodec.TryDecodeServerMessage(away, out var decoded, out _));
        Assert.Equal("socket-closed", Assert.Single(Assert.IsType<RosterMessage>(decoded).Peers).Away);
    }

    [Fact]
    public void A_frame_of_a_type_the_client_does_not_know_changes_nothing_but_an_error_notice()
    {
        var h = Connected();
        var before = h.Snapshot;
        var from = h.Checkpoint;

        h.Feed(new FrameReceived(before.Epoch, """{"type":"peer-presence","peerId":"B","sessionId":"session-B"}"""));

        Assert.IsType<MalformedMessage>(Assert.Single(h.Since<ErrorRaisedNotice>(from)).Error);
        Assert.Equal(1, h.Checkpoint - from);
        Assert.Equal(before.Remotes.Select(r => (r.Id, r.State, r.Generation)), h.Snapshot.Remotes.Select(r => (r.Id, r.State, r.Generation)));
        Assert.Equal(before.Local, h.Snapshot.Local);
    }

    private static EngineHarness Connected()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");
        return h;
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class LocalPeerRuleTests
{
    private static readonly StreamInfo Camera = new("cam", EngineHarness.Meta(("kind", "camera")));

    [Fact]
    public void Drop_moves_the_local_peer_from_joined_to_reconnecting_and_back_to_joined()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));

        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal(
            [
                (LocalPeerState.Idle, LocalPeerState.Joining),
                (LocalPeerState.Joining, LocalPeerState.Joined),
                (LocalPeerState.Joined, LocalPeerState.Reconnecting),
                (LocalPeerState.Reconnecting, LocalPeerState.Joined),
            ],
            h.LocalChanges().Select(c => (c.From, c.To)));
        Assert.Equal("session-A-1", h.LastSent<JoinMessage>().ResumeSessionId);
    }

    [Fact]
    public void Ice_blip_moves_the_remote_from_connected_to_reconnecting_and_back_to_connected()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");

        h.Ice("B", IceConnectionState.Disconnected);
        h.Ice("B", IceConnectionState.Completed);

        Assert.Equal(
            [
                (RemotePeerState.Idle, RemotePeerState.Connecting),
                (RemotePeerState.Connecting, RemotePeerState.Connected),
                (RemotePeerState.Connected, RemotePeerState.Reconnecting),
                (RemotePeerState.Reconnecting, RemotePeerState.Connected),
            ],
            h.RemoteChanges("B").Select(c => (c.From, c.To)));
    }

    [Fact]
    public void StillReconnecting_is_raised_once_after_30_s_in_reconnecting()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.Feed(new NetworkChanged(NetworkChange.Offline));

        h.Advance(TimeSpan.FromSeconds(29.999));
        Assert.Empty(h.All<StillReconnectingNotice>());
        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new StillReconnectingNotice(TimeSpan.FromSeconds(30), TimeSpan.Zero), Assert.Single(h.All<StillReconnectingNotice>()));

        h.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(h.All<StillReconnectingNotice>());
    }

    [Fact]
    public void Reconnect_within_30_s_raises_no_StillReconnecting()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B"));

        h.Advance(TimeSpan.FromSeconds(59));

        Assert.Empty(h.All<StillReconnectingNotice>());
        Assert.False(h.IsArmed(TimerKind.StillReconnecting));
    }

    [Fact]
    public void Local_streams_are_attached_to_every_rebuilt_connection()
    {
        var h = new EngineHarness();
        h.Feed(new LocalStreamAdded(Camera));
        h.Join("A", "room", EngineHarness.Peer("B"));
        h.Feed(new LocalTrackReplaced("cam", "camera-2"));
        h.DropSocket();
        var dropped = h.Checkpoint;

        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal([Camera], h.Sent<JoinMessage>().First().Streams);
        Assert.Equal([Camera], h.All<CreateConnection>().First().LocalStreams);
        var rebuilt = Assert.Single(h.Since<CreateConnection>(dropped));
        Assert.Equal((2, Camera), (rebuilt.Generation, Assert.Single(rebuilt.LocalStreams)));
        Assert.Equal(new ReplaceTrack("B", 2, "cam", "camera-2"), Assert.Single(h.Since<ReplaceTrack>(dropped)));
    }

    [Fact]
    public void Stream_published_while_joined_is_attached_to_live_connections_and_renegotiated()
    {
        var h = new EngineHarness().Join("C", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");

        h.Feed(new LocalStreamAdded(Camera));

        Assert.Equal(new PublishStreamMessage(Camera), h.LastSent<PublishStreamMessage>());
        Assert.Equal(new AttachLocalStream("B", 1, Camera), Assert.Single(h.All<AttachLocalStream>()));
        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.All<CreateOffer>()));
    }

    [Fact]
    public void Withdrawn_stream_is_detached_and_no_longer_attached_to_rebuilt_connections()
    {
        var h = new EngineHarness();
        h.Feed(new LocalStreamAdded(Camera));
        h.Join("A", "room", EngineHarness.Peer("B"));

        h.Feed(new LocalStreamRemoved("cam"));
        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal(new UnpublishStreamMessage("cam"), h.LastSent<UnpublishStreamMessage>());
        Assert.Equal(new DetachLocalStream("B", 1, "cam"), Assert.Single(h.All<DetachLocalStream>()));
        Assert.Empty(h.Last<CreateConnection>().LocalStreams);
    }

    [Fact]
    public void Leave_sends_leave_and_returns_to_idle_closing_every_remote_without_peer_left_when_the_server_closes_the_socket()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var bob = h.Remote("B");

        h.Feed(new LeaveRequested());
        Assert.IsType<LeaveMessage>(h.Last<SendMessage>().Message);
        h.DropSocket(CloseCodes.Normal);

        Assert.Equal([LocalPeerState.Leaving, LocalPeerState.Idle], h.LocalChanges().Skip(2).Select(c => c.To));
        Assert.Equal((bob.Ref, RemotePeerState.Closed), (h.RemoteChanges("B").Last().Ref, h.RemoteChanges("B").Last().To));
        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Empty(h.Snapshot.Remotes);
        Assert.Null(h.Snapshot.SessionId);
        Assert.Empty(h.ArmedTimers);
    }

    [Fact]
    public void Leave_ends_after_2_s_when_the_server_does_not_close_the_socket()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var epoch = h.Snapshot.Epoch;
        h.Feed(new LeaveRequested());

        h.Advance(TimeSpan.FromSeconds(1.999));
        Assert.Equal(LocalPeerState.Leaving, h.Snapshot.Local);
        h.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(LocalPeerState.Idle, h.Snapshot.Local);
        Assert.Equal(new CloseSocket(epoch, CloseCodes.Normal, "client closing", h.Engine.Options.CloseFlushTimeout), Assert.Single(h.All<CloseSocket>()));
        Assert.Equal(
            [(LocalPeerState.Joined, LocalPeerState.Leaving, "leave requested"), (LocalPeerState.Leaving, LocalPeerState.Idle, "leave finished")],
            h.LocalChanges().Skip(2).Select(c => (c.From, c.To, c.Reason)));
    }

    [Fact]
    public void Leave_while_the_socket_is_down_ends_at_once_and_the_channel_can_be_joined_again()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();

        h.Feed(new LeaveRequested());
        h.Advance(TimeSpan.Zero);
        Assert.Equal(LocalPeerState.Idle, h.Snapshot.Local);
        Assert.Equal(SignallingSocketState.Idle, h.Snapshot.Socket);

        h.Join("A", "room", EngineHarness.Peer("B"));
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Null(h.LastSent<JoinMessage>().ResumeSessionId);
    }

    [Fact]
    public void Leave_during_a_failing_first_connect_returns_to_idle_and_allows_a_new_join()
    {
        var h = new EngineHarness();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.Feed(new LeaveRequested());

        h.Feed(new TokenFetchFailed(h.Last<FetchToken>().Attempt, "provider down"));
        h.Advance(TimeSpan.Zero);

        Assert.Equal(LocalPeerState.Idle, h.Snapshot.Local);
        Assert.Equal(SignallingSocketState.Idle, h.Snapshot.Socket);
        h.Join("A", "room");
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
    }

    [Fact]
    public void Signalling_that_gives_up_while_leaving_closes_the_local_peer()
    {
        var h = new EngineHarness(new ReconnectOptions { Backoff = new SocketBackoffOptions { MaxAttempts = 1 } })
            .Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        var fetch = h.AwaitAttempt();
        h.Feed(new LeaveRequested());

        h.Feed(new TokenFetchFailed(fetch.Attempt, "provider down"));
        h.Advance(TimeSpan.FromMinutes(1));
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));

        Assert.Equal(LocalPeerState.Closed, h.Snapshot.Local);
        Assert.Equal(SignallingSocketState.Closed, h.Snapshot.Socket);
        var gaveUp = h.Errors<ReconnectError>().First();
        Assert.Equal(new ReconnectAttemptsExhausted(1, "provider down"), gaveUp);
        Assert.Equal("Gave up reconnecting after 1 attempts; the last failed: provider down.", gaveUp.Message);
        Assert.Equal(new CommandRejected("join", nameof(LocalPeerState.Closed)), h.Errors<ReconnectError>().Last());
    }

    [Fact]
    public void Welcome_that_arrives_while_leaving_does_not_rejoin()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.Feed(new LeaveRequested());

        h.Welcome();
        h.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal([LocalPeerState.Leaving, LocalPeerState.Idle], h.LocalChanges().Skip(3).Select(c => c.To));
    }

    [Fact]
    public void Misplaced_commands_the_table_rejects_are_refused_with_CommandRejected()
    {
        var h = new EngineHarness();
        h.Feed(new JoinRequested(" ", "A", EngineHarness.Meta()));
        h.Join("A", "room", EngineHarness.Peer("B"));
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.Feed(new LocalStreamAdded(Camera));
        h.Feed(new LocalStreamAdded(Camera));
        h.Feed(new LocalStreamRemoved("nope"));
        h.Feed(new LocalTrackReplaced("nope", "t"));

        Assert.Equal(
            ["join without a channel or peer id", "join", "add stream 'cam' twice", "remove unknown stream 'nope'", "replace the track of unknown stream 'nope'"],
            h.Errors<CommandRejected>().Select(e => e.Command));
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
    }

    [Fact]
    public void Join_repeated_in_a_channel_is_rejected_and_leave_repeated_is_ignored_by_rule()
    {
        var h = new EngineHarness();
        h.Feed(new LeaveRequested());
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.Connect([EngineHarness.Peer("B")]);
        h.DropSocket();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.Feed(new LeaveRequested());
        h.Feed(new LeaveRequested());

        Assert.Equal(
            [("join", "Joining"), ("join", "Reconnecting")],
            h.Errors<CommandRejected>().Select(e => (e.Command, e.State)));
        Assert.Equal(
            [new InputIgnoredNotice("leave", "not in a channel: nothing to leave"), new InputIgnoredNotice("leave", "already leaving")],
            h.All<InputIgnoredNotice>());
        Assert.Equal([LocalPeerState.Joining, LocalPeerState.Joined, LocalPeerState.Reconnecting, LocalPeerState.Leaving], h.LocalChanges().Select(c => c.To));
    }

    [Fact]
    public void Network_loss_while_leaving_does_not_start_a_reconnect()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.Feed(new LeaveRequested());

        h.Feed(new NetworkChanged(NetworkChange.Offline));
        Assert.Equal(LocalPeerState.Leaving, h.Snapshot.Local);
        h.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(LocalPeerState.Idle, h.Snapshot.Local);
        Assert.Equal(SignallingSocketState.Idle, h.Snapshot.Socket);
        Assert.Empty(h.All<SocketRetryScheduledNotice>());
    }

    [Fact]
    public void Eviction_while_leaving_is_ignored()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.Feed(new LeaveRequested());

        h.ServerSends(new EvictedMessage("network-disconnect"));
        h.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(h.Errors<ReconnectError>());
        Assert.Equal(LocalPeerState.Idle, h.Snapshot.Local);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Leave_while_a_socket_attempt_is_under_way_abandons_it(bool socketOpening)
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.AwaitAttempt();
        if (socketOpening)
        {
            h.AnswerToken();
        }

        var before = h.Checkpoint;
        h.Feed(new LeaveRequested());
        h.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(LocalPeerState.Idle, h.Snapshot.Local);
        Assert.Equal(SignallingSocketState.Idle, h.Snapshot.Socket);
        Assert.Equal(socketOpening ? 1 : 0, h.Since<CloseSocket>(before).Count());
        Assert.Empty(h.Since<FetchToken>(before));
        Assert.Empty(h.ArmedTimers);
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class CloseRuleTests
{
    private static EngineHarness JoinedWithBConnectedThenClosed()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B", streams: "cam"));
        h.MediaConnected("B");
        h.StreamArrives("B", "cam");
        h.Feed(new CloseRequested());
        return h;
    }

    /// <summary>One input of every kind, aimed at what the engine had before it closed.</summary>
    private static IEnumerable<EngineInput> EveryKindOfInput(EngineHarness h)
    {
        var epoch = h.Snapshot.Epoch;
        var frame = ProtocolCodec.Encode(new SignalRelayedMessage("B", new OfferSignal(1, "o", false)));
        var cancelled = h.All<CancelTimer>().Select(c => c.Timer).ToList();
        return
        [
            new CloseRequested(),
            new LeaveRequested(),
            new LocalStreamAdded(new StreamInfo("cam", EngineHarness.Meta())),
            new LocalStreamRemoved("cam"),
            new LocalTrackReplaced("cam", "t"),
            new TokenFetched(h.Last<FetchToken>().Attempt, "t", EngineHarness.DefaultIce),
            new TokenFetchFailed(h.Last<FetchToken>().Attempt, "down"),
            new SocketOpened(epoch),
            new FrameReceived(epoch, frame),
            new FrameReceived(epoch, "{"),
            new SocketClosed(epoch, CloseCodes.Abnormal, "gone"),
            new LocalDescriptionCreated("B", 1, new SessionDescription(SdpType.Offer, "o")),
            new LocalDescriptionApplied("B", 1, new SessionDescription(SdpType.Offer, "o")),
            new LocalCandidateGathered("B", 1, new IceCandidate("c")),
            new IceStateChanged("B", 1, IceConnectionState.Failed),
            new RemoteStreamArrived("B", 1, "cam"),
            .. Enum.GetValues<MediaOperation>().Select(op => new MediaOperationFailed("B", 1, op, "x")),
            .. cancelled.Select(t => new TimerFired(t)),
            new NetworkChanged(NetworkChange.Offline),
            new NetworkChanged(NetworkChange.Online),
            new NetworkChanged(NetworkChange.AddressChanged),
        ];
    }

    [Fact]
    public void Close_releases_the_socket_every_connection_and_every_timer_raises_no_peer_left_and_ends_with_the_closed_notice()
    {
        var h = JoinedWithBConnectedThenClosed();

        Assert.IsType<LocalStateChangedNotice>(h.Outputs[^1]);
        Assert.Equal((LocalPeerState.Joined, LocalPeerState.Closed), (h.Last<LocalStateChangedNotice>().From, h.Last<LocalStateChangedNotice>().To));
        Assert.Equal(CloseCodes.Normal, Assert.Single(h.All<CloseSocket>()).Code);
        Assert.Equal(new CloseConnection("B", 1), Assert.Single(h.All<CloseConnection>()));
        Assert.Equal(RemotePeerState.Closed, h.RemoteChanges("B").Last().To);
        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Empty(h.All<StreamRemovedNotice>());
        Assert.Empty(h.ArmedTimers);
        Assert.Empty(h.Snapshot.Remotes);
    }

    [Fact]
    public void Nothing_but_the_ignored_leave_and_close_is_output_after_the_closed_notice_for_any_later_input()
    {
        var h = JoinedWithBConnectedThenClosed();
        var closed = h.Checkpoint;
        var before = h.Describe();

        foreach (var input in EveryKindOfInput(h))
        {
            h.Feed(input);
        }

        h.Advance(TimeSpan.FromHours(1));

        Assert.Equal(
            [new InputIgnoredNotice("close", "close is idempotent"), new InputIgnoredNotice("leave", "closed for good: nothing to leave")],
            h.Outputs.Skip(closed));
        Assert.Equal(before, h.Describe());
    }

    [Fact]
    public void Second_close_is_ignored_by_rule_without_an_error()
    {
        var h = JoinedWithBConnectedThenClosed();

        Assert.Equal([new InputIgnoredNotice("close", "close is idempotent")], h.Feed(new CloseRequested()));
        Assert.Equal(LocalPeerState.Closed, h.Snapshot.Local);
    }

    [Fact]
    public void Join_after_close_is_rejected()
    {
        var h = JoinedWithBConnectedThenClosed();

        var output = h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));

        Assert.Equal(new CommandRejected("join", nameof(LocalPeerState.Closed)), Assert.IsType<ErrorRaisedNotice>(Assert.Single(output)).Error);
        Assert.Equal(LocalPeerState.Closed, h.Snapshot.Local);
    }

    [Fact]
    public void Close_while_joined_sends_the_leave_first_then_closes_the_socket_within_the_flush_bound()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var before = h.Checkpoint;

        h.Feed(new CloseRequested());

        var socketOutputs = h.Outputs.Skip(before).Where(o => o is SendMessage or CloseSocket).ToList();
        Assert.Equal(2, socketOutputs.Count);
        Assert.IsType<LeaveMessage>(Assert.IsType<SendMessage>(socketOutputs[0]).Message);
        var close = Assert.IsType<CloseSocket>(socketOutputs[1]);
        Assert.Equal((h.Snapshot.Epoch, CloseCodes.Normal, TimeSpan.FromMilliseconds(250)), (close.Epoch, close.Code, close.FlushWithin));
    }

    [Fact]
    public void Close_while_the_join_is_sent_but_not_yet_welcomed_still_sends_the_leave()
    {
        var h = new EngineHarness();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.AnswerToken();
        h.OpenSocket();
        var before = h.Checkpoint;

        h.Feed(new CloseRequested());

        Assert.Single(h.Sent<LeaveMessage>(before));
        Assert.Single(h.Since<CloseSocket>(before));
    }

    [Fact]
    public void Close_while_reconnecting_or_leaving_sends_no_leave_of_its_own()
    {
        var reconnecting = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        reconnecting.DropSocket();
        var leaving = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        leaving.Feed(new LeaveRequested());
        var before = (reconnecting.Checkpoint, leaving.Checkpoint);

        reconnecting.Feed(new CloseRequested());
        leaving.Feed(new CloseRequested());

        Assert.Empty(reconnecting.Sent<LeaveMessage>(before.Item1));
        Assert.Empty(leaving.Sent<LeaveMessage>(before.Item2));
        Assert.Single(leaving.Sent<LeaveMessage>());
    }

    [Fact]
    public void Close_while_reconnecting_on_an_opened_socket_not_yet_welcomed_sends_the_leave()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        Assert.Equal(LocalPeerState.Reconnecting, h.Snapshot.Local);
        var before = h.Checkpoint;

        h.Feed(new CloseRequested());

        Assert.Single(h.Sent<LeaveMessage>(before));
        Assert.Single(h.Since<CloseSocket>(before));
    }

    [Theory]
    [InlineData("idle", SignallingSocketState.Idle)]
    [InlineData("fetching a token", SignallingSocketState.FetchingToken)]
    [InlineData("connecting", SignallingSocketState.Connecting)]
    [InlineData("joined", SignallingSocketState.Open)]
    [InlineData("waiting to retry", SignallingSocketState.WaitingToRetry)]
    public void Close_closes_the_socket_for_good_from_every_socket_state(string when, SignallingSocketState socket)
    {
        var h = new EngineHarness();
        if (when != "idle")
        {
            h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        }

        if (when == "connecting")
        {
            h.AnswerToken();
        }

        if (when is "joined" or "waiting to retry")
        {
            h.Connect([EngineHarness.Peer("B")]);
        }

        if (when == "waiting to retry")
        {
            h.DropSocket();
        }

        Assert.Equal(socket, h.Snapshot.Socket);
        var before = h.Checkpoint;

        h.Feed(new CloseRequested());
        h.Advance(TimeSpan.FromHours(1));

        Assert.Equal(SignallingSocketState.Closed, h.Snapshot.Socket);
        Assert.Empty(h.Since<FetchToken>(before));
        Assert.Empty(h.Since<OpenSocket>(before));
    }

    [Theory]
    [InlineData(LocalPeerState.Idle)]
    [InlineData(LocalPeerState.Joining)]
    [InlineData(LocalPeerState.Reconnecting)]
    [InlineData(LocalPeerState.Leaving)]
    public void Close_from_any_state_ends_closed_with_nothing_armed(LocalPeerState from)
    {
        var h = new EngineHarness();
        if (from != LocalPeerState.Idle)
        {
            h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        }

        if (from is LocalPeerState.Reconnecting or LocalPeerState.Leaving)
        {
            h.Connect([EngineHarness.Peer("B")]);
            h.DropSocket();
        }

        if (from == LocalPeerState.Leaving)
        {
            h.Feed(new LeaveRequested());
        }

        Assert.Equal(from, h.Snapshot.Local);

        h.Feed(new CloseRequested());

        Assert.Equal((from, LocalPeerState.Closed, "closed by the user"), (h.Last<LocalStateChangedNotice>().From, h.Last<LocalStateChangedNotice>().To, h.Last<LocalStateChangedNotice>().Reason));
        Assert.Empty(h.ArmedTimers);
        Assert.Empty(h.Snapshot.Remotes);
    }
}

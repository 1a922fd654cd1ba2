using Reconnect.Core.Engine;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class ReconcileRuleTests
{
    private static readonly RosterEntry Bob = EngineHarness.Peer("B", metadata: EngineHarness.Meta(("name", "bob")), streams: "cam");
    private static readonly RosterEntry Carol = EngineHarness.Peer("C", streams: "mic");

    /// <summary>Joined with B and C, both connected with a stream each, then the socket dropped.</summary>
    private static EngineHarness JoinedWithStreamsThenDropped()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", Bob, Carol);
        h.MediaConnected("B");
        h.MediaConnected("C");
        h.StreamArrives("B", "cam");
        h.StreamArrives("C", "mic");
        h.DropSocket();
        return h;
    }

    [Fact]
    public void Peer_gone_from_the_roster_during_the_outage_raises_PeerLeft_once_with_its_StreamRemoved_and_an_unknown_reason_when_the_server_keeps_no_memory()
    {
        var h = JoinedWithStreamsThenDropped();
        var carol = h.Remote("C");

        h.Reconnect(Bob);
        h.DropSocket();
        h.Reconnect(Bob);

        Assert.Equal(new PeerLeftNotice("C", carol.Ref, "unknown"), Assert.Single(h.All<PeerLeftNotice>()));
        Assert.Equal(new StreamRemovedNotice("C", carol.Ref, "mic", carol.Streams[0].StreamRef), Assert.Single(h.All<StreamRemovedNotice>()));
        Assert.Equal(["B"], h.Snapshot.Remotes.Select(r => r.Id));
        Assert.Contains(CoverageMarks.ReconcileRemove, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Peer_that_joined_during_the_outage_raises_PeerJoined_once()
    {
        var h = JoinedWithStreamsThenDropped();
        var dropped = h.Checkpoint;

        h.Reconnect(Bob, Carol, EngineHarness.Peer("D"));
        h.DropSocket();
        h.Reconnect(Bob, Carol, EngineHarness.Peer("D"));

        Assert.Equal("D", Assert.Single(h.Since<PeerJoinedNotice>(dropped)).Peer.PeerId);
        Assert.Equal(["B", "C", "D"], h.Snapshot.Remotes.Select(r => r.Id));
        Assert.Contains(CoverageMarks.ReconcileAdd, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Changed_metadata_raises_PeerMetadataChanged()
    {
        var h = JoinedWithStreamsThenDropped();
        var renamed = Bob with { Metadata = EngineHarness.Meta(("name", "robert")) };

        h.Reconnect(renamed, Carol);

        var changed = Assert.Single(h.All<PeerMetadataChangedNotice>());
        Assert.Equal(("B", h.Remote("B").Ref), (changed.RemotePeerId, changed.Ref));
        Assert.Equal("robert", changed.Metadata["name"]);
        Assert.Equal("robert", h.Remote("B").Metadata["name"]);
    }

    [Fact]
    public void RemotePeer_keeps_its_Ref_id_and_metadata_across_any_number_of_drops()
    {
        var h = JoinedWithStreamsThenDropped();
        var before = h.Remote("B");
        for (var drop = 0; drop < 8; drop++)
        {
            h.Reconnect(Bob, Carol);
            if (drop % 2 == 0)
            {
                h.Ice("B", IceConnectionState.Disconnected);
            }
            else
            {
                h.MediaConnected("B");
            }

            var now = h.Remote("B");
            Assert.Equal((before.Id, before.Ref, before.SessionId), (now.Id, now.Ref, now.SessionId));
            Assert.Equal(before.Metadata, now.Metadata);
            h.DropSocket();
        }

        Assert.Equal(2, h.All<PeerJoinedNotice>().Count());
        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Empty(h.All<PeerMetadataChangedNotice>());
    }

    [Fact]
    public void Rebuilt_connection_is_a_new_generation_and_resets_the_data_channels()
    {
        var h = JoinedWithStreamsThenDropped();
        h.Ice("B", IceConnectionState.Disconnected);
        var dropped = h.Checkpoint;
        var bob = h.Remote("B");

        h.Reconnect(Bob, Carol);

        Assert.Equal(2, h.Remote("B").Generation);
        Assert.Equal(new CloseConnection("B", 1), Assert.Single(h.Since<CloseConnection>(dropped)));
        var created = Assert.Single(h.Since<CreateConnection>(dropped));
        Assert.Equal(("B", 2), (created.RemotePeerId, created.Generation));
        Assert.Equal(new DataChannelsResetNotice("B", bob.Ref, 2), Assert.Single(h.Since<DataChannelsResetNotice>(dropped)));
        Assert.Contains(CoverageMarks.ReconcileSwap, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Stream_is_raised_again_with_the_same_id_a_new_StreamRef_and_Rebound_after_a_rebuild()
    {
        var h = JoinedWithStreamsThenDropped();
        h.Ice("B", IceConnectionState.Disconnected);
        var first = Assert.Single(h.All<StreamAddedNotice>(), s => s.RemotePeerId == "B");
        h.Reconnect(Bob, Carol);

        h.StreamArrives("B", "cam");

        var again = h.Last<StreamAddedNotice>();
        Assert.Equal(("B", first.Ref, "cam", 2, true), (again.RemotePeerId, again.Ref, again.StreamId, again.Generation, again.Rebound));
        Assert.NotEqual(first.StreamRef, again.StreamRef);
        Assert.False(first.Rebound);
        Assert.Empty(h.All<StreamRemovedNotice>());
        Assert.Contains(CoverageMarks.StreamRebound, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Stream_arriving_twice_on_the_same_connection_is_raised_once()
    {
        var h = new EngineHarness().Join("A", "room", Bob);
        h.StreamArrives("B", "cam");

        h.StreamArrives("B", "cam");

        Assert.Single(h.All<StreamAddedNotice>());
    }

    [Fact]
    public void Drop_that_heals_raises_no_StreamRemoved_and_no_PeerLeft()
    {
        var h = JoinedWithStreamsThenDropped();

        h.Reconnect(Bob, Carol);

        Assert.Empty(h.All<StreamRemovedNotice>());
        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Equal(2, h.All<PeerJoinedNotice>().Count());
        Assert.Equal([1, 1], h.Snapshot.Remotes.Select(r => r.Generation));
    }

    [Fact]
    public void Unpublished_stream_is_removed_by_the_roster()
    {
        var h = JoinedWithStreamsThenDropped();
        var bob = h.Remote("B");

        h.Reconnect(Bob with { Streams = [] }, Carol);

        Assert.Equal(new StreamRemovedNotice("B", bob.Ref, "cam", bob.Streams[0].StreamRef), Assert.Single(h.All<StreamRemovedNotice>()));
        Assert.Empty(h.All<PeerLeftNotice>());
    }

    [Fact]
    public void Peer_back_under_a_new_session_whose_old_one_the_roster_says_ended_is_a_new_RemotePeer()
    {
        var h = JoinedWithStreamsThenDropped();
        var old = h.Remote("B");
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();

        h.ServerSends(new RosterMessage(
            h.LastSent<RosterRequestMessage>().RequestId,
            [Bob with { SessionId = "session-B-2" }, Carol],
            Departed: [new DepartedSession("B", old.SessionId, "left")]));

        Assert.Equal(new PeerLeftNotice("B", old.Ref, "left"), Assert.Single(h.All<PeerLeftNotice>()));
        Assert.NotEqual(old.Ref, h.Remote("B").Ref);
        Assert.Equal("session-B-2", h.Remote("B").SessionId);
    }

    [Fact]
    public void Roster_deadline_of_10_s_is_re_requested_twice_then_ReconcileTimeout_is_raised_while_requests_continue()
    {
        var h = JoinedWithStreamsThenDropped();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();
        var welcomed = h.Checkpoint;
        var welcomedAt = h.Now;
        var first = h.LastSent<RosterRequestMessage>().RequestId;
        var requests = new List<int>();

        for (var i = 0; i < 4; i++)
        {
            var before = h.Checkpoint;
            h.Advance(TimeSpan.FromSeconds(9.999));
            Assert.Empty(h.Sent<RosterRequestMessage>(before));
            h.Advance(TimeSpan.FromMilliseconds(1));
            requests.Add(Assert.Single(h.Sent<RosterRequestMessage>(before)).RequestId);
        }

        Assert.Equal([first + 1, first + 2, first + 3, first + 4], requests);
        Assert.Equal(new ReconcileTimeout(3), Assert.Single(h.Errors<ReconnectError>(welcomed)));
        Assert.Equal(TimeSpan.FromSeconds(30), h.Timed<ErrorRaisedNotice>().Single().At - welcomedAt);
        Assert.Equal(ReconcileState.TimedOut, h.Snapshot.Reconcile);

        h.AnswerRoster([Bob, Carol]);
        Assert.Equal(ReconcileState.Done, h.Snapshot.Reconcile);
        Assert.False(h.IsArmed(TimerKind.ReconcileDeadline));
    }

    [Fact]
    public void Roster_answer_to_any_request_of_the_current_round_is_applied()
    {
        var h = JoinedWithStreamsThenDropped();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();
        var first = h.LastSent<RosterRequestMessage>().RequestId;
        h.Advance(TimeSpan.FromSeconds(10));

        h.ServerSends(new RosterMessage(first, [Bob, Carol]));
        Assert.Equal(ReconcileState.Done, h.Snapshot.Reconcile);
        h.ServerSends(new RosterMessage(first + 1, [Bob]));

        Assert.Equal(ReconcileState.Done, h.Snapshot.Reconcile);
        Assert.Equal("C", Assert.Single(h.All<PeerLeftNotice>()).RemotePeerId);
    }

    [Fact]
    public void Newer_welcome_supersedes_a_stale_round_and_the_old_roster_answer_is_ignored()
    {
        var h = JoinedWithStreamsThenDropped();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();
        var stale = h.LastSent<RosterRequestMessage>().RequestId;
        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();
        var before = h.Describe();
        var checkpoint = h.Checkpoint;

        h.ServerSends(new RosterMessage(stale, []));

        Assert.Equal(before, h.Describe());
        Assert.Equal(new InputIgnoredNotice($"roster {stale}", "answers a superseded reconcile round"), Assert.Single(h.Since<EngineOutput>(checkpoint)));

        h.AnswerRoster([Bob, Carol]);
        Assert.Equal(ReconcileState.Done, h.Snapshot.Reconcile);
        Assert.Empty(h.All<PeerLeftNotice>());
    }

    [Fact]
    public void Unsolicited_roster_is_ignored()
    {
        var h = new EngineHarness().Join("A", "room", Bob, Carol);
        var before = h.Describe();

        h.ServerSends(new RosterMessage(0, []));

        Assert.Equal(before, h.Describe());
        Assert.Empty(h.All<PeerLeftNotice>());
    }

    [Fact]
    public void Incremental_roster_messages_keep_the_identity_map_current()
    {
        var h = new EngineHarness().Join("A", "room", Bob);
        var bob = h.Remote("B");

        h.ServerSends(new PeerJoinedMessage(Carol));
        h.ServerSends(new PeerUpdatedMessage(Bob with { Metadata = EngineHarness.Meta(("name", "robert")) }));
        h.ServerSends(new PeerLeftMessage("B", Bob.SessionId, "left"));

        Assert.Equal(["C"], h.Snapshot.Remotes.Select(r => r.Id));
        Assert.Equal("robert", Assert.Single(h.All<PeerMetadataChangedNotice>()).Metadata["name"]);
        Assert.Equal(new PeerLeftNotice("B", bob.Ref, "left"), Assert.Single(h.All<PeerLeftNotice>()));
        Assert.Equal(RemotePeerState.Closed, h.RemoteChanges("B").Last().To);
    }

    /// <summary>Reconnected and welcomed, and no roster came in 30 s: the round timed out.</summary>
    private static EngineHarness ReconnectedWithTheRosterTimedOut()
    {
        var h = JoinedWithStreamsThenDropped();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();
        h.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(ReconcileState.TimedOut, h.Snapshot.Reconcile);
        return h;
    }

    [Fact]
    public void A_roster_that_comes_after_the_timeout_is_applied_and_ends_the_requests()
    {
        var h = ReconnectedWithTheRosterTimedOut();
        var carol = h.Remote("C");
        var late = h.Checkpoint;

        h.AnswerRoster([Bob]);
        h.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(ReconcileState.Done, h.Snapshot.Reconcile);
        Assert.Equal(["B"], h.Snapshot.Remotes.Select(r => r.Id));
        Assert.Equal("C", Assert.Single(h.Since<PeerLeftNotice>(late)).RemotePeerId);
        Assert.Equal(carol.Ref, h.Since<PeerLeftNotice>(late).Single().Ref);
        Assert.Empty(h.Sent<RosterRequestMessage>(late));
        Assert.Empty(h.Since<CloseSocket>(late));
    }

    [Fact]
    public void Drop_after_a_reconcile_timeout_starts_a_fresh_round_on_the_next_welcome()
    {
        var h = ReconnectedWithTheRosterTimedOut();

        h.DropSocket();
        Assert.Equal(ReconcileState.Idle, h.Snapshot.Reconcile);
        Assert.False(h.IsArmed(TimerKind.ReconcileDeadline));
        h.Reconnect(Bob, Carol);

        Assert.Equal(ReconcileState.Done, h.Snapshot.Reconcile);
        Assert.Single(h.Errors<ReconcileTimeout>());
    }

    [Fact]
    public void After_the_timeout_three_more_requests_go_out_then_the_socket_is_given_up_and_a_reconnect_reconciles()
    {
        var h = JoinedWithStreamsThenDropped();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();
        var welcomedAt = h.Now;
        var epoch = h.Snapshot.Epoch;
        h.Advance(TimeSpan.FromSeconds(30));
        var timedOut = h.Checkpoint;

        h.Advance(TimeSpan.FromSeconds(29.999));
        Assert.Equal(2, h.Sent<RosterRequestMessage>(timedOut).Count());
        Assert.Equal(ReconcileState.TimedOut, h.Snapshot.Reconcile);
        Assert.Empty(h.Since<CloseSocket>(timedOut));
        h.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new CloseSocket(epoch, CloseCodes.RosterTimeout, "the roster never came on this socket"), Assert.Single(h.Since<CloseSocket>(timedOut)));
        Assert.Equal(TimeSpan.FromSeconds(60), h.Timed<CloseSocket>().Last().At - welcomedAt);
        Assert.Equal((ReconcileState.Idle, SignallingSocketState.WaitingToRetry), (h.Snapshot.Reconcile, h.Snapshot.Socket));
        Assert.False(h.IsArmed(TimerKind.ReconcileDeadline));
        h.Reconnect(Bob, Carol);
        Assert.Equal(ReconcileState.Done, h.Snapshot.Reconcile);
        Assert.Single(h.Errors<ReconcileTimeout>());
    }
}

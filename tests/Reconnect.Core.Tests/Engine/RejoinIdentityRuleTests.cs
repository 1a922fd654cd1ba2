using Reconnect.Core.Engine;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// A RemotePeer lives until its peer truly leaves: a server that lost its sessions (a crash) makes everyone rejoin as
/// new sessions, and with no record that a session ended the identity is kept and only the connection is rebuilt.
/// </summary>
public sealed class RejoinIdentityRuleTests
{
    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(5);

    private static readonly ReconnectOptions Options = new()
    {
        Heartbeat = new HeartbeatOptions { PingInterval = Ping, LivenessTimeout = TimeSpan.FromHours(2) },
    };

    private static readonly RosterEntry Bob = EngineHarness.Peer("B", metadata: EngineHarness.Meta(("name", "bob")), streams: "cam");

    /// <summary>Joined with B (connected, its stream bound); the server then lost every session: the resume is refused, A rejoins as new.</summary>
    private static EngineHarness RejoinedAfterTheServerLostEverySession(TimeSpan? grace = null, Action<EngineHarness>? media = null)
    {
        var h = new EngineHarness(Options) { AnnouncedGrace = grace }.Join("A", "room", Bob);
        (media ?? Connected)(h);
        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.ServerSends(new EvictedMessage("network-disconnect"));
        h.Welcome();
        return h;
    }

    private static void Connected(EngineHarness h)
    {
        h.MediaConnected("B");
        h.StreamArrives("B", "cam");
    }

    [Fact]
    public void Peer_missing_after_the_local_rejoin_with_no_departure_record_is_kept_reconnecting_without_peer_left_or_stream_removed()
    {
        var h = RejoinedAfterTheServerLostEverySession();
        var bob = h.Remote("B");

        h.AnswerRoster([]);

        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Empty(h.All<StreamRemovedNotice>());
        Assert.Equal((bob.Ref, RemotePeerState.Reconnecting), (h.Remote("B").Ref, h.Remote("B").State));
        Assert.True(h.IsArmed(TimerKind.RejoinWait, "B"));
        Assert.Contains(CoverageMarks.RejoinAwaited, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Awaited_peer_that_rejoins_under_a_new_session_keeps_its_RemotePeer_and_gets_a_new_connection_and_its_stream_again()
    {
        var h = RejoinedAfterTheServerLostEverySession();
        var bob = h.Remote("B");
        h.AnswerRoster([]);
        var before = h.Checkpoint;

        h.ServerSends(new PeerJoinedMessage(Bob with { SessionId = "r1-s2", Metadata = EngineHarness.Meta(("name", "robert")) }));
        h.MediaConnected("B");
        h.StreamArrives("B", "cam");

        var now = h.Remote("B");
        Assert.Equal((bob.Ref, "r1-s2", "robert"), (now.Ref, now.SessionId, now.Metadata["name"]));
        Assert.True(now.Generation > bob.Generation);
        Assert.Equal(RemotePeerState.Connected, now.State);
        Assert.Equal(now.Generation, Assert.Single(h.Since<CreateConnection>(before)).Generation);
        var again = Assert.Single(h.Since<StreamAddedNotice>(before));
        Assert.Equal(("cam", bob.Ref, true), (again.StreamId, again.Ref, again.Rebound));
        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Empty(h.All<StreamRemovedNotice>());
        Assert.Single(h.All<PeerJoinedNotice>());
        Assert.False(h.IsArmed(TimerKind.RejoinWait, "B"));
        Assert.Contains(CoverageMarks.ReconcileRejoin, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Peer_that_rejoined_first_is_kept_when_the_local_rejoin_roster_lists_it_under_a_new_session()
    {
        var h = RejoinedAfterTheServerLostEverySession();
        var bob = h.Remote("B");

        h.AnswerRoster([Bob with { SessionId = "r1-s1" }]);

        Assert.Equal((bob.Ref, "r1-s1", RemotePeerState.Reconnecting), (h.Remote("B").Ref, h.Remote("B").SessionId, h.Remote("B").State));
        Assert.Equal(bob.Generation + 1, h.Remote("B").Generation);
        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.False(h.IsArmed(TimerKind.RejoinWait, "B"));
    }

    [Fact]
    public void Awaited_peer_that_does_not_rejoin_within_the_announced_grace_and_a_ping_interval_leaves_as_network_disconnect()
    {
        var grace = TimeSpan.FromSeconds(20);
        var h = RejoinedAfterTheServerLostEverySession(grace);
        var bob = h.Remote("B");
        h.AnswerRoster([]);
        var awaitedAt = h.Now;

        Assert.Equal(awaitedAt + grace + Ping, h.DueOf(TimerKind.RejoinWait, "B"));
        h.Advance(grace + Ping - TimeSpan.FromMilliseconds(1));
        Assert.Empty(h.All<PeerLeftNotice>());
        h.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new PeerLeftNotice("B", bob.Ref, "network-disconnect"), Assert.Single(h.All<PeerLeftNotice>()));
        Assert.Equal("cam", Assert.Single(h.All<StreamRemovedNotice>()).StreamId);
        Assert.Empty(h.Snapshot.Remotes);
    }

    [Fact]
    public void Without_an_announced_grace_the_awaited_peer_is_kept_for_the_RejoinWait_option()
    {
        var h = RejoinedAfterTheServerLostEverySession();
        h.AnswerRoster([]);

        Assert.Equal(h.Now + Options.Reconcile.RejoinWait, h.DueOf(TimerKind.RejoinWait, "B"));
    }

    [Fact]
    public void Departure_record_after_the_local_rejoin_still_removes_the_peer_at_once_with_its_reason_and_its_return_is_a_new_RemotePeer()
    {
        var h = RejoinedAfterTheServerLostEverySession();
        var bob = h.Remote("B");

        h.ServerSends(new RosterMessage(h.LastSent<RosterRequestMessage>().RequestId, [], Departed: [new DepartedSession("B", "session-B", "network-disconnect")]));
        h.ServerSends(new PeerJoinedMessage(Bob with { SessionId = "session-B-2" }, Replaces: new DepartedSession("B", "session-B", "network-disconnect")));

        Assert.Equal(new PeerLeftNotice("B", bob.Ref, "network-disconnect"), Assert.Single(h.All<PeerLeftNotice>()));
        Assert.Equal(2, h.All<PeerJoinedNotice>().Count());
        Assert.NotEqual(bob.Ref, h.Remote("B").Ref);
    }

    [Fact]
    public void A_later_roster_that_still_lacks_an_awaited_peer_keeps_waiting_until_the_first_deadline()
    {
        var h = RejoinedAfterTheServerLostEverySession();
        h.AnswerRoster([]);
        var due = h.DueOf(TimerKind.RejoinWait, "B");
        h.Advance(TimeSpan.FromSeconds(1));
        h.DropSocket();

        h.Reconnect();

        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Equal(due, h.DueOf(TimerKind.RejoinWait, "B"));
    }

    [Fact]
    public void Peer_missing_after_a_resumed_session_is_not_awaited()
    {
        var h = new EngineHarness(Options).Join("A", "room", Bob);
        h.DropSocket();

        h.Reconnect();

        Assert.Equal("unknown", Assert.Single(h.All<PeerLeftNotice>()).Reason);
        Assert.False(h.IsArmed(TimerKind.RejoinWait, "B"));
    }

    [Theory]
    [InlineData("connecting")]
    [InlineData("connected")]
    [InlineData("disconnected")]
    public void Awaited_peer_is_reconnecting_whatever_its_media_was_doing(string media)
    {
        var h = RejoinedAfterTheServerLostEverySession(media: h =>
        {
            if (media != "connecting")
            {
                h.MediaConnected("B");
            }

            if (media == "disconnected")
            {
                h.Ice("B", IceConnectionState.Disconnected);
            }
        });

        h.AnswerRoster([]);

        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.False(h.IsArmed(TimerKind.IceDisconnectedGrace, "B"));
        Assert.False(h.IsArmed(TimerKind.IceAttemptTimeout, "B"));
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>Every peer-left reason is the server's word for what happened, also for departures missed while away.</summary>
public sealed class PeerLeftReasonRuleTests
{
    private static EngineHarness JoinedWithThenDropped(params string[] remotes)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", [.. remotes.Select(r => EngineHarness.Peer(r))]);
        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();
        return h;
    }

    [Fact]
    public void A_reconcile_reports_the_reason_the_roster_remembers_for_each_departure_missed_during_the_outage()
    {
        var h = JoinedWithThenDropped("B", "C", "D");
        var refs = h.Snapshot.Remotes.ToDictionary(r => r.Id, r => r.Ref);

        h.ServerSends(new RosterMessage(
            h.LastSent<RosterRequestMessage>().RequestId,
            [EngineHarness.Peer("C", "session-C-2")],
            Departed:
            [
                new DepartedSession("C", "session-C", "kicked"),
                new DepartedSession("B", "an-older-session", "left"),
                new DepartedSession("B", "session-B", "network-disconnect"),
            ]));

        Assert.Equal(
            [new PeerLeftNotice("B", refs["B"], "network-disconnect"), new PeerLeftNotice("C", refs["C"], "kicked")],
            h.All<PeerLeftNotice>());
        Assert.Equal(["C", "D"], h.Snapshot.Remotes.Select(r => r.Id));
        Assert.Equal("session-C-2", h.Remote("C").SessionId);
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("D").State);
    }

    [Fact]
    public void A_peer_missing_from_a_roster_without_departures_is_removed_at_once_as_unknown()
    {
        var h = JoinedWithThenDropped("B", "C");
        var bob = h.Remote("B").Ref;

        h.ServerSends(new RosterMessage(h.LastSent<RosterRequestMessage>().RequestId, [EngineHarness.Peer("C")]));

        Assert.Equal(new PeerLeftNotice("B", bob, "unknown"), Assert.Single(h.All<PeerLeftNotice>()));
    }

    [Fact]
    public void A_roster_without_a_record_of_the_old_session_keeps_the_RemotePeer_under_the_new_session()
    {
        var h = JoinedWithThenDropped("B");
        var bob = h.Remote("B").Ref;

        h.AnswerRoster([EngineHarness.Peer("B", "session-B-2")]);

        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Equal((bob, "session-B-2"), (h.Remote("B").Ref, h.Remote("B").SessionId));
    }

    [Fact]
    public void Peer_joined_under_a_new_session_whose_known_session_ended_reports_how_it_ended()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        var bob = h.Remote("B").Ref;

        h.ServerSends(new PeerJoinedMessage(EngineHarness.Peer("B", "session-B-2"), Replaces: new DepartedSession("B", "session-B", "network-disconnect")));

        Assert.Equal(new PeerLeftNotice("B", bob, "network-disconnect"), Assert.Single(h.All<PeerLeftNotice>()));
        Assert.NotEqual(bob, h.Remote("B").Ref);
        Assert.Equal("session-B-2", h.Remote("B").SessionId);
    }

    [Theory]
    [InlineData("an-older-session")]
    [InlineData(null)]
    public void Peer_joined_under_a_new_session_without_a_record_that_the_known_one_ended_keeps_its_RemotePeer(string? endedSession)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        var bob = h.Remote("B").Ref;
        var replaces = endedSession is null ? null : new DepartedSession("B", endedSession, "network-disconnect");

        h.ServerSends(new PeerJoinedMessage(EngineHarness.Peer("B", "session-B-2"), Replaces: replaces));

        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Single(h.All<PeerJoinedNotice>());
        Assert.Equal((bob, "session-B-2"), (h.Remote("B").Ref, h.Remote("B").SessionId));
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class RosterOrderRuleTests
{
    private static readonly RosterEntry Bob = EngineHarness.Peer("B", metadata: EngineHarness.Meta(("name", "bob")), streams: "cam");

    /// <summary>Joins as A up to the welcome; the first roster request is pending.</summary>
    private static (EngineHarness H, int Request) WelcomedAwaitingRoster()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket);
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();
        return (h, h.LastSent<RosterRequestMessage>().RequestId);
    }

    /// <summary>Joined as A, learnt of B at a version, then dropped and reconnected up to the welcome.</summary>
    private static EngineHarness KnowingBobThenReconnected(long bobVersion)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room");
        h.ServerSends(new PeerJoinedMessage(Bob, bobVersion));
        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        return h;
    }

    [Fact]
    public void A_snapshot_taken_before_a_join_never_undoes_the_newer_peer_joined()
    {
        var (h, request) = WelcomedAwaitingRoster();

        h.ServerSends(new PeerJoinedMessage(Bob, Version: 2));
        h.ServerSends(new RosterMessage(request, [], Version: 1));

        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Equal(["B"], h.Snapshot.Remotes.Select(r => r.Id));
        Assert.Single(h.All<PeerJoinedNotice>());
        Assert.Contains(h.All<InputIgnoredNotice>(), i => i.Reason.Contains("newer than the snapshot", StringComparison.Ordinal));
        Assert.Equal(ReconcileState.Done, h.Snapshot.Reconcile);
    }

    [Fact]
    public void A_join_the_snapshot_already_reflects_is_ignored_with_a_reason()
    {
        var (h, request) = WelcomedAwaitingRoster();
        h.ServerSends(new RosterMessage(request, [Bob], Version: 5));

        var late = h.ServerSends(new PeerJoinedMessage(Bob with { Metadata = EngineHarness.Meta(("name", "old")) }, Version: 4));

        Assert.Single(h.All<PeerJoinedNotice>());
        Assert.Equal("bob", h.Remote("B").Metadata["name"]);
        Assert.Contains("already reflected", Assert.Single(late.OfType<InputIgnoredNotice>()).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_older_than_the_peers_newest_fact_is_ignored()
    {
        var (h, request) = WelcomedAwaitingRoster();
        h.ServerSends(new RosterMessage(request, [], Version: 1));
        h.ServerSends(new PeerJoinedMessage(Bob, Version: 2));
        h.ServerSends(new PeerUpdatedMessage(Bob with { Metadata = EngineHarness.Meta(("name", "robert")) }, Version: 4));

        var late = h.ServerSends(new PeerUpdatedMessage(Bob with { Metadata = EngineHarness.Meta(("name", "bobby")) }, Version: 3));

        Assert.Equal("robert", h.Remote("B").Metadata["name"]);
        Assert.Contains("older than the peer's newest fact", Assert.Single(late.OfType<InputIgnoredNotice>()).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_taken_before_a_leave_does_not_bring_the_peer_back()
    {
        var (h, request) = WelcomedAwaitingRoster();
        h.ServerSends(new PeerJoinedMessage(Bob, Version: 1));
        h.ServerSends(new PeerLeftMessage("B", Bob.SessionId, "left", Version: 3));

        h.ServerSends(new RosterMessage(request, [Bob], Version: 2));

        Assert.Single(h.All<PeerJoinedNotice>());
        Assert.Single(h.All<PeerLeftNotice>());
        Assert.Empty(h.Snapshot.Remotes);
        Assert.Contains(h.All<InputIgnoredNotice>(), i => i.Reason.Contains("left after the snapshot", StringComparison.Ordinal));
    }

    [Fact]
    public void A_leave_that_overtakes_its_join_keeps_the_peer_out()
    {
        var (h, request) = WelcomedAwaitingRoster();
        h.ServerSends(new RosterMessage(request, [], Version: 1));

        h.ServerSends(new PeerLeftMessage("B", Bob.SessionId, "left", Version: 3));
        var join = h.ServerSends(new PeerJoinedMessage(Bob, Version: 2));

        Assert.Empty(h.All<PeerJoinedNotice>());
        Assert.Empty(h.Snapshot.Remotes);
        Assert.Contains("older than the session's leave", Assert.Single(join.OfType<InputIgnoredNotice>()).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_older_than_one_applied_is_ignored_and_changes_nothing()
    {
        var h = KnowingBobThenReconnected(bobVersion: 6);
        h.Welcome();
        var request = h.LastSent<RosterRequestMessage>().RequestId;
        h.ServerSends(new RosterMessage(request, [Bob], Version: 9));
        var before = h.Describe();

        var stale = h.ServerSends(new RosterMessage(request, [], Version: 8));

        Assert.Equal(before, h.Describe());
        Assert.Contains("older than the snapshot already applied", Assert.Single(stale.OfType<InputIgnoredNotice>()).Reason, StringComparison.Ordinal);
        Assert.Empty(h.All<PeerLeftNotice>());
    }

    [Fact]
    public void A_new_session_forgets_the_versions_of_the_old_server()
    {
        var h = KnowingBobThenReconnected(bobVersion: 50);
        h.ServerSends(new WelcomeMessage("A", "fresh-session", Resumed: false));

        var applied = h.ServerSends(new RosterMessage(h.LastSent<RosterRequestMessage>().RequestId, [], Version: 3));

        Assert.DoesNotContain(applied.OfType<InputIgnoredNotice>(), i => i.Reason.Contains("older", StringComparison.Ordinal));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Empty(h.All<PeerLeftNotice>());
    }

    [Fact]
    public void Messages_without_versions_apply_in_arrival_order()
    {
        var (h, request) = WelcomedAwaitingRoster();

        h.ServerSends(new PeerJoinedMessage(Bob));
        h.ServerSends(new RosterMessage(request, []));

        Assert.Single(h.All<PeerLeftNotice>());
        Assert.Empty(h.Snapshot.Remotes);
    }

    [Fact]
    public void A_negative_roster_version_is_a_protocol_violation_and_changes_nothing()
    {
        var (h, request) = WelcomedAwaitingRoster();
        var before = h.Describe();

        var outputs = h.ServerSends(new PeerJoinedMessage(Bob, Version: -1)).Concat(h.ServerSends(new RosterMessage(request, [Bob], Version: -5))).ToList();

        Assert.Equal(2, outputs.OfType<ErrorRaisedNotice>().Count(e => e.Error is ProtocolViolation));
        Assert.Equal(before, h.Describe());
    }

    [Fact]
    public void Tombstones_are_bounded_and_the_oldest_is_forgotten_first()
    {
        var (h, request) = WelcomedAwaitingRoster();
        h.ServerSends(new RosterMessage(request, [], Version: 1));
        for (var i = 0; i <= RosterOrder.TombstoneCapacity; i++)
        {
            h.ServerSends(new PeerLeftMessage($"P{i}", $"s{i}", "left", Version: 10 + i));
        }

        var oldest = h.ServerSends(new PeerJoinedMessage(EngineHarness.Peer("P0", "s0"), Version: 5));
        var kept = h.ServerSends(new PeerJoinedMessage(EngineHarness.Peer("P1", "s1"), Version: 6));

        Assert.Single(oldest.OfType<PeerJoinedNotice>());
        Assert.Empty(kept.OfType<PeerJoinedNotice>());
    }
}

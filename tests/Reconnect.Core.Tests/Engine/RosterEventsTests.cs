using Reconnect.Core.Engine;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>The live roster events alone: an event against the known peer and the roster order, as ordered decisions.</summary>
public sealed class RosterEventsTests
{
    private static KnownPeer Known(string id, string? session = null, RemotePeerState state = RemotePeerState.Connected, long version = 0) =>
        new(id, session ?? $"session-{id}", state, version, false, 1);

    private static RosterEntry Listed(string id, string? session = null) => EngineHarness.Peer(id, session);

    private static List<RosterDecision> Joined(RosterEntry entry, KnownPeer? known, long version = 0, DepartedSession? replaces = null, RosterOrder? order = null) =>
        [.. RosterEvents.Joined(new PeerJoinedMessage(entry, version, replaces), "A", known, order ?? new RosterOrder())];

    private static List<RosterDecision> Left(string id, string session, KnownPeer? known, long version = 0, RosterOrder? order = null) =>
        [.. RosterEvents.Left(new PeerLeftMessage(id, session, "left", version), known, order ?? new RosterOrder())];

    private static List<RosterDecision> Updated(RosterEntry entry, KnownPeer? known, long version = 0, RosterOrder? order = null) =>
        [.. RosterEvents.Updated(new PeerUpdatedMessage(entry, version), known, order ?? new RosterOrder())];

    private static RosterOrder SnapshotAt(long version)
    {
        var order = new RosterOrder();
        order.SnapshotApplied(version);
        return order;
    }

    [Fact]
    public void A_join_naming_the_local_peer_is_a_violation_and_nothing_else()
    {
        Assert.Equal([new RosterViolation("peer-joined names the local peer")], Joined(Listed("A"), null));
    }

    [Fact]
    public void A_join_of_an_unknown_peer_adds_it()
    {
        Assert.Equal([new AddJoinedPeer(Listed("B"))], Joined(Listed("B"), null));
    }

    [Fact]
    public void A_join_of_the_known_live_session_updates_it()
    {
        Assert.Equal([new UpdateKnownPeer("B", Listed("B"))], Joined(Listed("B"), Known("B")));
    }

    [Fact]
    public void A_join_under_a_new_session_keeps_the_live_peer_unless_it_says_the_old_session_ended()
    {
        Assert.Equal([new KeepRejoinedPeer("B", Listed("B", "s2"))], Joined(Listed("B", "s2"), Known("B", "s1")));
        Assert.Equal(
            [new EndPeerSession("B", "kicked"), new AddJoinedPeer(Listed("B", "s2"))],
            Joined(Listed("B", "s2"), Known("B", "s1"), replaces: new DepartedSession("B", "s1", "kicked")));
        Assert.Equal([new KeepRejoinedPeer("B", Listed("B", "s2"))], Joined(Listed("B", "s2"), Known("B", "s1"), replaces: new DepartedSession("B", "s0", "kicked")));
    }

    [Fact]
    public void A_join_of_a_closed_peer_replaces_it_whatever_the_session()
    {
        Assert.Equal([new ReplaceClosedPeer("B"), new AddJoinedPeer(Listed("B"))], Joined(Listed("B"), Known("B", state: RemotePeerState.Closed)));
        Assert.Equal([new ReplaceClosedPeer("B"), new AddJoinedPeer(Listed("B", "s2"))], Joined(Listed("B", "s2"), Known("B", "s1", RemotePeerState.Closed)));
        Assert.Equal(
            [new EndPeerSession("B", "gone"), new AddJoinedPeer(Listed("B", "s2"))],
            Joined(Listed("B", "s2"), Known("B", "s1", RemotePeerState.Closed), replaces: new DepartedSession("B", "s1", "gone")));
    }

    [Fact]
    public void Events_older_than_what_was_applied_are_left_out_with_the_reason()
    {
        var snapshot = "version 4 is already reflected by the roster snapshot of version 5";
        Assert.Equal([new RosterPartIgnored("peer-joined B", snapshot)], Joined(Listed("B"), null, 4, order: SnapshotAt(5)));
        Assert.Equal([new RosterPartIgnored("peer-left B", snapshot)], Left("B", "session-B", Known("B"), 4, SnapshotAt(5)));
        Assert.Equal([new RosterPartIgnored("peer-updated B", snapshot)], Updated(Listed("B"), Known("B"), 4, SnapshotAt(5)));
        Assert.Equal(
            [new RosterPartIgnored("peer-updated B", "version 6 is older than the peer's newest fact (version 7)")],
            Updated(Listed("B"), Known("B", version: 7), 6));
        Assert.Equal([new UpdateKnownPeer("B", Listed("B"))], Updated(Listed("B"), Known("B", version: 7), 8));
    }

    [Fact]
    public void A_leave_of_the_known_session_is_recorded_and_ends_it()
    {
        Assert.Equal([new RecordSessionLeft("B", "session-B"), new EndPeerSession("B", "left")], Left("B", "session-B", Known("B")));
    }

    [Fact]
    public void A_leave_of_an_unknown_peer_is_recorded_but_a_leave_of_another_session_of_a_known_peer_is_not()
    {
        Assert.Equal([new RecordSessionLeft("B", "s1"), new RosterPartIgnored("peer-left B", "no such peer session")], Left("B", "s1", null));
        Assert.Equal([new RosterPartIgnored("peer-left B", "no such peer session")], Left("B", "s1", Known("B", "s2")));
    }

    [Fact]
    public void An_update_applies_only_to_the_known_session()
    {
        Assert.Equal([new UpdateKnownPeer("B", Listed("B"))], Updated(Listed("B"), Known("B")));
        Assert.Equal([new RosterPartIgnored("peer-updated B", "no such peer session")], Updated(Listed("B", "s2"), Known("B", "s1")));
        Assert.Equal([new RosterPartIgnored("peer-updated B", "no such peer session")], Updated(Listed("B"), null));
    }
}

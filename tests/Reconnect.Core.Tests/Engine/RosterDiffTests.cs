using Reconnect.Core.Engine;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>The reconcile diff alone: a snapshot against the identity map, as ordered decisions, with no engine around it.</summary>
public sealed class RosterDiffTests
{
    private const long Epoch = 2;

    private static KnownPeer Known(string id, string? session = null, RemotePeerState state = RemotePeerState.Connected, long version = 0, bool awaiting = false, long epoch = 1) =>
        new(id, session ?? $"session-{id}", state, version, awaiting, epoch);

    private static RosterEntry Listed(string id, string? session = null) => EngineHarness.Peer(id, session);

    private static List<RosterDecision> Diff(
        IReadOnlyList<RosterEntry> listed,
        IReadOnlyList<KnownPeer> known,
        long version = 0,
        IReadOnlyList<DepartedSession>? departed = null,
        bool awaitRejoins = false,
        bool rebuildAll = false,
        RosterOrder? order = null) =>
        [.. RosterDiff.Compute(new RosterMessage(7, listed, version, departed), new RosterDiffContext("A", known, order ?? new RosterOrder(), awaitRejoins, rebuildAll, Epoch))];

    [Fact]
    public void A_roster_listing_the_local_peer_or_a_peer_twice_is_noted_first_and_the_first_entry_kept()
    {
        var decisions = Diff([Listed("A"), Listed("B", "s1"), Listed("B", "s2")], []);

        Assert.Equal(
            [
                new RosterViolation("the roster lists the local peer 'A'"),
                new RosterViolation("the roster lists 'B' twice; the first entry is kept"),
                new AddNewPeer(Listed("B", "s1")),
            ],
            decisions);
    }

    [Fact]
    public void Same_session_connected_peer_is_updated_and_kept_unless_every_connection_is_rebuilt()
    {
        Assert.Equal([new UpdateKnownPeer("B", Listed("B")), new KeepConnection("B")], Diff([Listed("B")], [Known("B")]));
        Assert.Equal([new UpdateKnownPeer("B", Listed("B")), new SwapConnection("B")], Diff([Listed("B")], [Known("B")], rebuildAll: true));
    }

    [Fact]
    public void Same_session_peer_not_connected_swaps_its_connection_unless_it_was_built_on_this_socket()
    {
        Assert.Equal([new UpdateKnownPeer("B", Listed("B")), new SwapConnection("B")], Diff([Listed("B")], [Known("B", state: RemotePeerState.Reconnecting)]));
        Assert.Equal([new UpdateKnownPeer("B", Listed("B")), new KeepConnection("B")], Diff([Listed("B")], [Known("B", state: RemotePeerState.Reconnecting, epoch: Epoch)], rebuildAll: true));
    }

    [Fact]
    public void A_peer_whose_event_is_newer_than_the_snapshot_is_not_updated_from_it()
    {
        Assert.Equal([new KeepConnection("B")], Diff([Listed("B")], [Known("B", version: 9)], version: 5));
        Assert.Equal(
            [new RosterPartIgnored("roster 7 (version 5) about B", "the peer's event of version 9 is newer than the snapshot")],
            Diff([], [Known("B", version: 9)], version: 5));
    }

    [Fact]
    public void Peer_gone_with_a_departure_record_leaves_with_its_reason_and_without_one_as_unknown()
    {
        Assert.Equal([new RemoveKnownPeer("B", "kicked")], Diff([], [Known("B")], departed: [new DepartedSession("B", "session-B", "kicked")]));
        Assert.Equal([new RemoveKnownPeer("B", RosterDiff.UnknownDeparture)], Diff([], [Known("B")]));
    }

    [Fact]
    public void Peer_gone_without_a_record_is_awaited_when_the_server_keeps_records_or_lost_its_sessions_or_it_is_awaited_already()
    {
        Assert.Equal([new AwaitPeerRejoin("B")], Diff([], [Known("B")], departed: []));
        Assert.Equal([new AwaitPeerRejoin("B")], Diff([], [Known("B")], awaitRejoins: true));
        Assert.Equal([new AwaitPeerRejoin("B")], Diff([], [Known("B", awaiting: true)]));
        Assert.Equal([new RemoveKnownPeer("B", RosterDiff.UnknownDeparture)], Diff([], [Known("B", state: RemotePeerState.Closed)], departed: []));
    }

    [Fact]
    public void Peer_listed_under_a_new_session_is_kept_as_rejoined_unless_its_old_session_ended_or_its_entry_closed()
    {
        var fresh = Listed("B", "s2");

        Assert.Equal([new KeepRejoinedPeer("B", fresh)], Diff([fresh], [Known("B")]));
        Assert.Equal([new RemoveKnownPeer("B", "left"), new AddNewPeer(fresh)], Diff([fresh], [Known("B")], departed: [new DepartedSession("B", "session-B", "left")]));
        Assert.Equal([new RemoveKnownPeer("B", "replaced"), new AddNewPeer(fresh)], Diff([fresh], [Known("B", state: RemotePeerState.Closed)]));
    }

    [Fact]
    public void Closed_peer_listed_under_the_same_session_is_replaced_by_a_new_RemotePeer()
    {
        Assert.Equal([new ReplaceClosedPeer("B"), new AddNewPeer(Listed("B"))], Diff([Listed("B")], [Known("B", state: RemotePeerState.Closed)]));
    }

    [Fact]
    public void A_listed_session_that_left_after_the_snapshot_was_taken_is_left_out()
    {
        var order = new RosterOrder();
        order.Left("C", "session-C", 8);

        Assert.Equal(
            [new RosterPartIgnored("roster 7 (version 5) about C", "the session left after the snapshot was taken")],
            Diff([Listed("C")], [], version: 5, order: order));
    }

    [Fact]
    public void Every_known_and_listed_peer_gets_one_fate_and_the_diff_reads_the_same_twice()
    {
        var known = new[] { Known("B"), Known("C", state: RemotePeerState.Closed), Known("D", version: 3), Known("E", awaiting: true), Known("F", "old") };
        var listed = new[] { Listed("B"), Listed("C"), Listed("F", "new"), Listed("G") };

        var first = Diff(listed, known, version: 4, departed: []);
        var second = Diff(listed, known, version: 4, departed: []);

        Assert.Equal(first, second);
        Assert.Equal(
            [
                new AwaitPeerRejoin("D"),
                new AwaitPeerRejoin("E"),
                new UpdateKnownPeer("B", Listed("B")),
                new KeepConnection("B"),
                new ReplaceClosedPeer("C"),
                new AddNewPeer(Listed("C")),
                new KeepRejoinedPeer("F", Listed("F", "new")),
                new AddNewPeer(Listed("G")),
            ],
            first);
    }
}

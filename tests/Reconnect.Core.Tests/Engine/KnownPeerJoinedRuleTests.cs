using Reconnect.Core.Engine;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// A <c>peer-joined</c> about an id the engine already knows, for every combination of session (the same or a new
/// one), departure record (none, naming the known session, naming another) and the known entry's state (open, or
/// closed after its restart ladder ran out). The rule: an open entry keeps its RemotePeer unless the record says its
/// session ended (then it leaves with that record's reason); a closed entry is always replaced, leaving with the
/// record's reason when the record names it and as replaced otherwise; the same session on an open entry is an update.
/// </summary>
public sealed class KnownPeerJoinedRuleTests
{
    private const string Known = "session-B";
    private const string Fresh = "session-B2";

    private enum Record
    {
        None,
        NamesKnownSession,
        NamesAnotherSession,
    }

    /// <summary>Every combination of the same or a new session, the departure record, and an open or closed entry.</summary>
    private static IEnumerable<(bool SameSession, Record Record, bool Closed)> Combinations() =>
        from sameSession in new[] { true, false }
        from record in Enum.GetValues<Record>()
        from closed in new[] { false, true }
        select (sameSession, record, closed);

    /// <summary>Joined with B under <see cref="Known"/>, connected and its stream bound; closed when asked by running its ladder out.</summary>
    private static EngineHarness KnownB(bool closed)
    {
        var h = new EngineHarness(closed ? EngineHarness.NoEscalation : EngineHarness.LongLivedSocket)
            .Join("A", "room", EngineHarness.Peer("B", Known, EngineHarness.Meta(("name", "bob")), "cam"));
        h.MediaConnected("B");
        h.StreamArrives("B", "cam");
        if (closed)
        {
            h.Ice("B", IceConnectionState.Failed);
            h.Advance(TimeSpan.FromSeconds(140));
            Assert.Equal(RemotePeerState.Closed, h.Remote("B").State);
        }

        return h;
    }

    private static PeerJoinedMessage Joined(bool sameSession, Record record) => new(
        EngineHarness.Peer("B", sameSession ? Known : Fresh, EngineHarness.Meta(("name", "robert")), "cam"),
        Replaces: record switch
        {
            Record.NamesKnownSession => new DepartedSession("B", Known, "network-disconnect"),
            Record.NamesAnotherSession => new DepartedSession("B", "session-B0", "left"),
            _ => null,
        });

    /// <summary>The reason B's RemotePeer leaves with, or null when the rule keeps it.</summary>
    private static string? ExpectedLeaveReason(bool sameSession, Record record, bool closed) =>
        (sameSession, record, closed) switch
        {
            (true, _, false) => null,
            (_, Record.NamesKnownSession, _) => "network-disconnect",
            (_, _, true) => "replaced after its connection was closed",
            _ => null,
        };

    [Fact]
    public void Known_id_joins_again_keeping_or_replacing_its_RemotePeer_by_the_rule()
    {
        foreach (var (sameSession, record, closed) in Combinations())
        {
            KeepsOrReplaces(sameSession, record, closed);
        }
    }

    [Fact]
    public void Known_id_joins_again_and_only_a_new_session_on_a_kept_RemotePeer_rebuilds_its_connection()
    {
        foreach (var (sameSession, record, closed) in Combinations())
        {
            RebuildsOnlyForANewSessionKept(sameSession, record, closed);
        }
    }

    private static void KeepsOrReplaces(bool sameSession, Record record, bool closed)
    {
        var h = KnownB(closed);
        var bob = h.Remote("B");
        var before = h.Checkpoint;

        h.ServerSends(Joined(sameSession, record));

        var now = h.Remote("B");
        var reason = ExpectedLeaveReason(sameSession, record, closed);
        var label = $"same session {sameSession}, record {record}, closed {closed}";
        Assert.True(now.SessionId == (sameSession ? Known : Fresh), label);
        Assert.True(now.Metadata["name"] == "robert", label);
        if (reason is null)
        {
            Assert.True(now.Ref == bob.Ref, $"{label}: the RemotePeer must be kept");
            Assert.True(!h.Since<PeerLeftNotice>(before).Any() && !h.Since<PeerJoinedNotice>(before).Any() && !h.Since<StreamRemovedNotice>(before).Any(), $"{label}: no peer-left, peer-joined or stream-removed");
            Assert.Equal(new PeerMetadataChangedNotice("B", bob.Ref, now.Metadata), Assert.Single(h.Since<PeerMetadataChangedNotice>(before)));
        }
        else
        {
            Assert.True(now.Ref != bob.Ref, $"{label}: the RemotePeer must be replaced");
            Assert.True(h.Since<PeerLeftNotice>(before).SequenceEqual([new PeerLeftNotice("B", bob.Ref, reason)]), $"{label}: one peer-left ({reason})");
            Assert.Equal(now.Ref, Assert.Single(h.Since<PeerJoinedNotice>(before)).Ref);
            Assert.Empty(h.Since<PeerMetadataChangedNotice>(before));
        }
    }

    private static void RebuildsOnlyForANewSessionKept(bool sameSession, Record record, bool closed)
    {
        var h = KnownB(closed);
        var bob = h.Remote("B");
        var before = h.Checkpoint;

        h.ServerSends(Joined(sameSession, record));

        var now = h.Remote("B");
        var kept = ExpectedLeaveReason(sameSession, record, closed) is null;
        var expected = (kept, sameSession) switch
        {
            (true, true) => (bob.Generation, RemotePeerState.Connected, 0),
            (true, false) => (bob.Generation + 1, RemotePeerState.Reconnecting, 1),
            _ => (1, RemotePeerState.Connecting, 1),
        };
        var label = $"same session {sameSession}, record {record}, closed {closed}";
        Assert.True(expected == (now.Generation, now.State, h.Since<CreateConnection>(before).Count()), $"{label}: expected {expected}, was {(now.Generation, now.State, h.Since<CreateConnection>(before).Count())}");
        Assert.True((kept && !sameSession) == h.Engine.Coverage.ContainsKey(CoverageMarks.ReconcileRejoin), label);
    }

    [Fact]
    public void Stream_bound_before_stays_bound_when_the_same_session_joins_again()
    {
        var h = KnownB(closed: false);
        var before = h.Checkpoint;

        h.ServerSends(Joined(sameSession: true, Record.None));

        Assert.Equal("cam", Assert.Single(h.Remote("B").Streams).StreamId);
        Assert.Empty(h.Since<StreamAddedNotice>(before));
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// A stream is bound only when the live connection carries it and the roster announces it: one that arrives first is
/// held without stream-added (so a roster without it removes nothing), and the announcement binds it.
/// </summary>
public sealed class UnannouncedStreamRuleTests
{
    private static readonly RosterEntry Bob = EngineHarness.Peer("B", streams: "cam");
    private static readonly RosterEntry BobSharing = EngineHarness.Peer("B", streams: ["cam", "screen"]);

    private static EngineHarness JoinedWithBobConnected()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", Bob);
        h.MediaConnected("B");
        h.StreamArrives("B", "cam");
        return h;
    }

    [Fact]
    public void Stream_that_arrives_before_its_announcement_is_raised_only_when_the_roster_lists_it()
    {
        var h = JoinedWithBobConnected();
        var before = h.Checkpoint;

        h.StreamArrives("B", "screen");
        Assert.Empty(h.Since<StreamAddedNotice>(before));
        Assert.Contains(CoverageMarks.StreamUnannounced, h.Engine.Coverage.Keys);

        h.ServerSends(new PeerUpdatedMessage(BobSharing));

        var added = Assert.Single(h.Since<StreamAddedNotice>(before));
        Assert.Equal(("screen", h.Remote("B").Generation, false), (added.StreamId, added.Generation, added.Rebound));
    }

    [Fact]
    public void Reconcile_roster_without_an_unannounced_stream_removes_nothing_and_the_later_announcement_binds_it()
    {
        var h = JoinedWithBobConnected();
        h.StreamArrives("B", "screen");
        h.DropSocket();

        h.Reconnect(Bob);
        Assert.Empty(h.All<StreamRemovedNotice>());
        var reconciled = h.Checkpoint;
        h.ServerSends(new PeerUpdatedMessage(BobSharing));

        Assert.Equal("screen", Assert.Single(h.Since<StreamAddedNotice>(reconciled)).StreamId);
        Assert.Empty(h.All<StreamRemovedNotice>());
    }

    [Fact]
    public void Roster_that_drops_a_bound_stream_removes_it_once_and_its_announcement_again_binds_it_on_the_same_connection()
    {
        var h = JoinedWithBobConnected();
        var cam = h.Remote("B").Streams.Single();
        h.DropSocket();

        h.Reconnect(Bob with { Streams = [] });
        var removed = h.Checkpoint;
        h.ServerSends(new PeerUpdatedMessage(Bob));

        Assert.Equal(new StreamRemovedNotice("B", h.Remote("B").Ref, "cam", cam.StreamRef), Assert.Single(h.All<StreamRemovedNotice>()));
        Assert.Equal("cam", Assert.Single(h.Since<StreamAddedNotice>(removed)).StreamId);
    }

    [Fact]
    public void A_rebuilt_connection_forgets_the_streams_the_old_one_carried_unannounced()
    {
        var h = JoinedWithBobConnected();
        h.StreamArrives("B", "screen");
        h.Ice("B", Ports.IceConnectionState.Disconnected);
        h.DropSocket();
        h.Reconnect(Bob);
        var rebuilt = h.Checkpoint;

        h.ServerSends(new PeerUpdatedMessage(BobSharing));
        Assert.Empty(h.Since<StreamAddedNotice>(rebuilt));
        h.StreamArrives("B", "screen");

        var added = Assert.Single(h.Since<StreamAddedNotice>(rebuilt));
        Assert.Equal(("screen", h.Remote("B").Generation), (added.StreamId, added.Generation));
    }
}

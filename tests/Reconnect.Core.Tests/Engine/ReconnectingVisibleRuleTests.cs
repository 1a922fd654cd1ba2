using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>No flicker: a reconnect is shown only once it lasted <see cref="ReconnectOptions.ReconnectingVisibleAfter"/>, and told recovered only if shown and healed.</summary>
public sealed class ReconnectingVisibleRuleTests
{
    private static readonly TimeSpan Threshold = new ReconnectOptions().ReconnectingVisibleAfter;

    [Fact]
    public void The_default_threshold_is_one_second()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Threshold);
    }

    [Fact]
    public void A_local_blip_shorter_than_the_threshold_raises_neither_notice()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var droppedAt = h.Now;
        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.True(h.Now - droppedAt < Threshold, $"the blip lasted {h.Now - droppedAt}");
        h.Advance(Threshold * 2);
        Assert.Empty(h.All<ReconnectingVisibleNotice>());
        Assert.Empty(h.All<ReconnectingRecoveredNotice>());
        Assert.False(h.IsArmed(TimerKind.ReconnectingVisible));
    }

    [Fact]
    public void A_longer_local_outage_is_shown_once_at_the_threshold_then_recovered_once_on_heal()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var droppedAt = h.Now;
        h.DropSocket();
        h.Feed(new NetworkChanged(NetworkChange.Offline));

        h.Advance(Threshold - TimeSpan.FromMilliseconds(1));
        Assert.Empty(h.All<ReconnectingVisibleNotice>());
        h.Advance(TimeSpan.FromMilliseconds(1));
        var shown = Assert.Single(h.Timed<ReconnectingVisibleNotice>());
        Assert.Equal((droppedAt + Threshold, new ReconnectingVisibleNotice(null, null, Threshold)), shown);

        h.Advance(TimeSpan.FromSeconds(3));
        h.Feed(new NetworkChanged(NetworkChange.Online));
        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Single(h.All<ReconnectingVisibleNotice>());
        var healedAt = h.Timed<LocalStateChangedNotice>().Last().At;
        Assert.Equal((healedAt, new ReconnectingRecoveredNotice(null, null, healedAt - droppedAt)), Assert.Single(h.Timed<ReconnectingRecoveredNotice>()));
    }

    [Fact]
    public void A_shown_local_outage_that_ends_in_close_raises_no_recovered()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.Feed(new NetworkChanged(NetworkChange.Offline));
        h.Advance(Threshold * 2);

        h.Feed(new CloseRequested());

        Assert.Single(h.All<ReconnectingVisibleNotice>());
        Assert.Empty(h.All<ReconnectingRecoveredNotice>());
        Assert.Equal((LocalPeerState.Reconnecting, LocalPeerState.Closed), (h.LocalChanges().Last().From, h.LocalChanges().Last().To));
    }

    [Fact]
    public void A_remote_blip_shorter_than_the_threshold_raises_neither_notice()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");

        h.Ice("B", IceConnectionState.Disconnected);
        h.Advance(Threshold - TimeSpan.FromMilliseconds(1));
        h.Ice("B", IceConnectionState.Completed);
        h.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
        Assert.Empty(h.All<ReconnectingVisibleNotice>());
        Assert.Empty(h.All<ReconnectingRecoveredNotice>());
        Assert.False(h.IsArmed(TimerKind.ReconnectingVisible, "B"));
    }

    [Fact]
    public void A_longer_remote_outage_is_shown_once_at_the_threshold_then_recovered_once_on_heal()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");
        var reference = h.Remote("B").Ref;
        var lostAt = h.Now;

        h.Ice("B", IceConnectionState.Disconnected);
        h.Advance(Threshold - TimeSpan.FromMilliseconds(1));
        Assert.Empty(h.All<ReconnectingVisibleNotice>());
        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal((lostAt + Threshold, new ReconnectingVisibleNotice("B", reference, Threshold)), Assert.Single(h.Timed<ReconnectingVisibleNotice>()));

        h.Advance(TimeSpan.FromSeconds(4));
        h.Ice("B", IceConnectionState.Connected);

        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
        Assert.Single(h.All<ReconnectingVisibleNotice>());
        Assert.Equal((h.Now, new ReconnectingRecoveredNotice("B", reference, h.Now - lostAt)), Assert.Single(h.Timed<ReconnectingRecoveredNotice>()));
        Assert.DoesNotContain(h.All<LocalStateChangedNotice>(), c => c.To == LocalPeerState.Reconnecting);
    }

    [Fact]
    public void A_shown_remote_outage_that_ends_in_close_raises_no_recovered()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");
        h.Ice("B", IceConnectionState.Disconnected);
        h.Advance(Threshold * 2);

        h.ServerSends(new PeerLeftMessage("B", h.Remote("B").SessionId, "left"));

        Assert.Single(h.All<ReconnectingVisibleNotice>());
        Assert.Empty(h.All<ReconnectingRecoveredNotice>());
        Assert.Equal(RemotePeerState.Closed, h.RemoteChanges("B").Last().To);
        Assert.False(h.IsArmed(TimerKind.ReconnectingVisible, "B"));
    }

    [Fact]
    public void Moving_between_the_ladder_phases_keeps_the_remote_reconnect_begun_at_the_loss()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");
        var lostAt = h.Now;
        h.Ice("B", IceConnectionState.Disconnected);
        h.Advance(TimeSpan.FromMilliseconds(100));

        h.Ice("B", IceConnectionState.Failed);
        h.Advance(Threshold);

        Assert.Equal(lostAt + Threshold, Assert.Single(h.Timed<ReconnectingVisibleNotice>()).At);
    }
}

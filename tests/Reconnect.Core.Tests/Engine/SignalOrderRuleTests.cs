using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Ports;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// A signal one machine's effect sends another is delivered as soon as that effect has been performed, before the
/// sender's next effect and its own state-change notice: the notices of one input come in cause-then-consequence order.
/// </summary>
public sealed class SignalOrderRuleTests
{
    [Fact]
    public void A_dropped_socket_reports_the_local_peer_reconnecting_before_the_socket_schedules_its_retry()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));

        var step = h.DropSocket();

        var reconnecting = step.ToList().FindIndex(o => o is LocalStateChangedNotice { From: LocalPeerState.Joined, To: LocalPeerState.Reconnecting });
        var retry = step.ToList().FindIndex(o => o is SocketRetryScheduledNotice);
        Assert.True(reconnecting >= 0 && retry > reconnecting, h.Describe());
    }

    [Fact]
    public void A_close_closes_every_remote_peer_before_the_local_closed_notice_which_comes_last()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"), EngineHarness.Peer("C"));
        h.MediaConnected("B");

        var step = h.Feed(new CloseRequested());

        Assert.Equal(
            [("B", RemotePeerState.Closed), ("C", RemotePeerState.Closed)],
            step.OfType<RemoteStateChangedNotice>().Select(c => (c.RemotePeerId, c.To)));
        Assert.Equal(LocalPeerState.Closed, Assert.IsType<LocalStateChangedNotice>(step[^1]).To);
    }
}

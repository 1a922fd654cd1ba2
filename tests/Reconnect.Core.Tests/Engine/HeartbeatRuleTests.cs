using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class HeartbeatRuleTests
{
    [Fact]
    public void Welcome_that_does_not_come_within_10_s_closes_the_socket_and_retries()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        var opened = h.Checkpoint;
        var epoch = h.Snapshot.Epoch;

        h.Advance(TimeSpan.FromSeconds(9.999));
        Assert.Empty(h.Since<CloseSocket>(opened));

        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new CloseSocket(epoch, CloseCodes.WelcomeTimeout, "no welcome in time"), Assert.Single(h.Since<CloseSocket>(opened)));
        Assert.Equal(CloseCodes.WelcomeTimeout, Assert.Single(h.Since<SocketRetryScheduledNotice>(opened)).CloseCode);
        Assert.Equal(LocalPeerState.Reconnecting, h.Snapshot.Local);
    }

    [Fact]
    public void Socket_without_an_inbound_frame_for_60_s_is_closed_and_retried()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var joined = h.Checkpoint;
        var epoch = h.Snapshot.Epoch;

        h.Advance(TimeSpan.FromSeconds(59.999));
        Assert.Empty(h.Since<CloseSocket>(joined));

        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new CloseSocket(epoch, CloseCodes.LivenessTimeout, "no inbound frame within the liveness timeout"), Assert.Single(h.Since<CloseSocket>(joined)));
        Assert.Equal(CloseCodes.LivenessTimeout, Assert.Single(h.Since<SocketRetryScheduledNotice>(joined)).CloseCode);
        Assert.Equal(LocalPeerState.Reconnecting, h.Snapshot.Local);
    }

    [Fact]
    public void Inbound_frames_push_the_liveness_deadline_back()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var joined = h.Checkpoint;

        h.Advance(TimeSpan.FromSeconds(30));
        h.ServerSends(new PongMessage(1));
        h.Advance(TimeSpan.FromSeconds(59.999));
        Assert.Empty(h.Since<CloseSocket>(joined));

        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(CloseCodes.LivenessTimeout, Assert.Single(h.Since<CloseSocket>(joined)).Code);
    }

    [Fact]
    public void Ping_goes_out_every_20_s_while_open_and_answered_pings_keep_the_socket_up()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var joined = h.Checkpoint;

        for (var i = 1; i <= 6; i++)
        {
            var before = h.Checkpoint;
            h.Advance(TimeSpan.FromSeconds(19.999));
            Assert.Empty(h.Sent<PingMessage>(before));
            h.Advance(TimeSpan.FromMilliseconds(1));
            var ping = Assert.Single(h.Sent<PingMessage>(before));
            Assert.Equal(i, ping.Sequence);
            h.ServerSends(new PongMessage(ping.Sequence));
        }

        Assert.Empty(h.Since<CloseSocket>(joined));
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
    }

    [Fact]
    public void No_ping_is_sent_while_the_socket_is_down()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket(CloseCodes.OverCapacity);
        var dropped = h.Checkpoint;

        h.Advance(TimeSpan.FromSeconds(29));

        Assert.Empty(h.Sent<PingMessage>(dropped));
        Assert.Empty(h.Since<SendMessage>(dropped));
    }
}

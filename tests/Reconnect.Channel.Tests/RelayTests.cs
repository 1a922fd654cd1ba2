using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Channel.Tests;

public sealed class RelayTests
{
    private static readonly SignalPayload Offer = new OfferSignal(1, "v=0", IceRestart: false);

    [Fact]
    public void Signal_is_relayed_to_the_attached_target_with_the_sender_id()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        var candidate = new CandidateSignal(3, new IceCandidate("candidate:1 1 udp 1 10.0.0.1 5000 typ host", "0", 0));

        var offer = driver.Send(1, new RelaySignalMessage("bob", Offer));
        var trickle = driver.Send(1, new RelaySignalMessage("bob", candidate));

        Assert.Equal([new SendFrame(2, new SignalRelayedMessage("alice", Offer))], offer.Frames());
        Assert.Equal([new SendFrame(2, new SignalRelayedMessage("alice", candidate))], trickle.Frames());
        Assert.Single(offer.Notices(ChannelNoticeKinds.Relayed));
    }

    [Theory]
    [InlineData("bob", "detached")]
    [InlineData("nobody", "unknown")]
    [InlineData("alice", "unknown")]
    public void Signal_to_a_detached_unknown_or_own_target_is_dropped_without_error_to_the_sender(string to, string why)
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Handle(new ConnectionClosed(2));

        var outputs = driver.Send(1, new RelaySignalMessage(to, Offer));

        Assert.Empty(outputs.Frames());
        Assert.Empty(outputs.Closes());
        Assert.EndsWith(why, Assert.Single(outputs.Notices(ChannelNoticeKinds.Dropped)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Signal_never_crosses_channels()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "red", "alice");
        driver.OpenAndJoin(2, "blue", "bob");

        var outputs = driver.Send(1, new RelaySignalMessage("bob", Offer));

        Assert.Empty(outputs.Frames());
        Assert.Single(outputs.Notices(ChannelNoticeKinds.Dropped));
    }

    [Fact]
    public void Ping_gets_pong_with_the_same_sequence()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");

        Assert.Equal([new SendFrame(1, new PongMessage(77))], driver.Send(1, new PingMessage(77)).Frames());
    }
}

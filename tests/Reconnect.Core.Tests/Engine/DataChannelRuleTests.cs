using Reconnect.Core.Engine;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class DataChannelRuleTests
{
    private static readonly RosterEntry Bob = EngineHarness.Peer("B");
    private static readonly DataChannelInit GameInit = new() { Ordered = false, MaxRetransmits = 0, Protocol = "game-v1" };

    private static ReconnectOptions Declaring(DataSendMode mode = DataSendMode.Queue, int capacity = 256) => EngineHarness.LongLivedSocket with
    {
        DataChannels = new()
        {
            Channels = [new("chat"), new("game", GameInit)],
            WhileNotOpen = mode,
            QueueCapacity = capacity,
        },
    };

    /// <summary>A joined with B connected on generation 1 and both declared channels open there.</summary>
    private static EngineHarness Open(ReconnectOptions? options = null)
    {
        var h = new EngineHarness(options ?? Declaring()).Join("A", "room", Bob);
        h.MediaConnected("B");
        h.Feed(new DataChannelOpened("B", 1, "chat"));
        h.Feed(new DataChannelOpened("B", 1, "game"));
        return h;
    }

    /// <summary>B's media broke and a socket reconnect rebuilt its connection as generation 2; nothing is open there yet.</summary>
    private static void Swap(EngineHarness h)
    {
        h.Ice("B", IceConnectionState.Disconnected);
        h.DropSocket();
        h.Reconnect(Bob);
        Assert.Equal(2, h.Remote("B").Generation);
    }

    private static ReadOnlyMemory<byte> Bytes(int n) => new[] { (byte)n };

    private static IReadOnlyList<EngineOutput> Send(EngineHarness h, int n, string label = "chat") =>
        h.Feed(new DataSendRequested(n, "B", label, Bytes(n)));

    private static int[] Sent(EngineHarness h, int checkpoint = 0, string label = "chat") =>
        [.. h.Since<SendData>(checkpoint).Where(s => s.Label == label).Select(s => (int)s.Payload.Span[0])];

    private static IEnumerable<DataSendFailed> Failures(EngineHarness h, int checkpoint = 0) => h.Errors<DataSendFailed>(checkpoint);

    [Fact]
    public void Declared_channels_are_created_on_every_generation_with_the_same_label_and_options_before_the_offer()
    {
        var h = Open();
        Swap(h);

        var opened = h.All<OpenDataChannel>().ToList();
        Assert.Equal(
            [
                new OpenDataChannel("B", 1, "chat", DataChannelInit.Default), new OpenDataChannel("B", 1, "game", GameInit),
                new OpenDataChannel("B", 2, "chat", DataChannelInit.Default), new OpenDataChannel("B", 2, "game", GameInit),
            ],
            opened);
        var created = h.Outputs.ToList();
        foreach (var generation in new[] { 1, 2 })
        {
            var connection = created.FindIndex(o => o is CreateConnection c && c.Generation == generation);
            var channel = created.FindIndex(o => o is OpenDataChannel c && c.Generation == generation);
            var offer = created.FindIndex(o => o is CreateOffer c && c.Generation == generation);
            Assert.True(connection < channel, $"generation {generation}: channel before its connection");
            Assert.True(offer < 0 || channel < offer, $"generation {generation}: channel after the offer");
        }

        Assert.Single(h.All<DataChannelsResetNotice>());
    }

    [Fact]
    public void Without_declared_channels_no_channel_is_opened_and_a_send_fails_as_undeclared()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", Bob);
        h.MediaConnected("B");
        Swap(h);

        var outputs = Send(h, 1);

        Assert.Empty(h.All<OpenDataChannel>());
        Assert.Empty(outputs.OfType<SendData>());
        Assert.Equal(new DataSendFailed(1, "B", "chat", DataSendFailure.UndeclaredChannel), Assert.Single(Failures(h)));
    }

    [Fact]
    public void Send_on_an_open_channel_to_a_connected_peer_goes_out_at_once_on_the_live_generation()
    {
        var h = Open();

        var outputs = Send(h, 7, "game");

        var sent = Assert.Single(outputs.OfType<SendData>());
        Assert.Equal(("B", 1, "game", 7), (sent.RemotePeerId, sent.Generation, sent.Label, (int)sent.Payload.Span[0]));
        Assert.Equal(new DataSendAcceptedNotice(7, "B", "game", Queued: false), Assert.Single(outputs.OfType<DataSendAcceptedNotice>()));
    }

    [Fact]
    public void Sends_during_a_swap_are_queued_and_flushed_in_order_when_the_channel_opens_on_the_new_generation()
    {
        var h = Open();
        Swap(h);
        var swapped = h.Checkpoint;

        for (var n = 1; n <= 5; n++)
        {
            Assert.Equal(new DataSendAcceptedNotice(n, "B", "chat", Queued: true), Assert.Single(Send(h, n).OfType<DataSendAcceptedNotice>()));
        }

        Assert.Empty(h.Since<SendData>(swapped));
        h.MediaConnected("B");
        Assert.Empty(h.Since<SendData>(swapped));
        h.Feed(new DataChannelOpened("B", 2, "chat"));

        Assert.Equal([1, 2, 3, 4, 5], Sent(h, swapped));
        Assert.All(h.Since<SendData>(swapped), s => Assert.Equal(2, s.Generation));
    }

    [Fact]
    public void Sends_while_the_peer_reconnects_on_the_same_generation_wait_and_go_out_in_order_when_it_connects_again()
    {
        var h = Open();
        h.Ice("B", IceConnectionState.Disconnected);
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        var down = h.Checkpoint;

        Send(h, 1);
        Send(h, 2);
        Assert.Empty(h.Since<SendData>(down));
        h.MediaConnected("B");

        Assert.Equal([1, 2], Sent(h, down));
        Assert.All(h.Since<SendData>(down), s => Assert.Equal(1, s.Generation));
    }

    [Fact]
    public void A_send_behind_queued_ones_is_queued_too_so_order_is_kept()
    {
        var h = Open();
        Swap(h);
        Send(h, 1);
        h.MediaConnected("B");
        var before = h.Checkpoint;

        h.Feed(new DataChannelOpened("B", 2, "chat"));
        Send(h, 2);

        Assert.Equal([1, 2], Sent(h, before));
    }

    [Fact]
    public void Send_to_a_full_queue_is_rejected_with_QueueFull_and_the_queued_messages_stay()
    {
        var h = Open(Declaring(capacity: 2));
        Swap(h);
        Send(h, 1);
        Send(h, 2);

        var outputs = Send(h, 3);

        Assert.Empty(outputs.OfType<DataSendAcceptedNotice>());
        Assert.Equal(new DataSendFailed(3, "B", "chat", DataSendFailure.QueueFull), Assert.Single(Failures(h)));
        var before = h.Checkpoint;
        h.MediaConnected("B");
        h.Feed(new DataChannelOpened("B", 2, "chat"));
        Assert.Equal([1, 2], Sent(h, before));
    }

    [Fact]
    public void The_queue_is_per_channel_so_a_full_one_does_not_refuse_another()
    {
        var h = Open(Declaring(capacity: 1));
        Swap(h);
        Send(h, 1);

        Send(h, 2, "game");

        Assert.Empty(Failures(h));
    }

    [Fact]
    public void In_fail_fast_mode_a_send_while_the_channel_is_not_open_fails_at_once_with_ChannelNotOpen()
    {
        var h = Open(Declaring(DataSendMode.FailFast));
        Swap(h);

        var outputs = Send(h, 4);

        Assert.Empty(outputs.OfType<SendData>());
        Assert.Empty(outputs.OfType<DataSendAcceptedNotice>());
        Assert.Equal(new DataSendFailed(4, "B", "chat", DataSendFailure.ChannelNotOpen), Assert.Single(Failures(h)));
        h.MediaConnected("B");
        h.Feed(new DataChannelOpened("B", 2, "chat"));
        var open = h.Checkpoint;
        Send(h, 5);
        Assert.Equal([5], Sent(h, open));
    }

    [Fact]
    public void A_channel_opened_on_a_stale_generation_is_ignored_and_flushes_nothing()
    {
        var h = Open();
        Swap(h);
        Send(h, 1);
        h.MediaConnected("B");
        var before = h.Checkpoint;

        var outputs = h.Feed(new DataChannelOpened("B", 1, "chat"));

        Assert.Empty(outputs.OfType<SendData>());
        Assert.Contains(outputs.OfType<InputIgnoredNotice>(), n => n.Reason.StartsWith("stale generation", StringComparison.Ordinal));
        Assert.Empty(h.Since<SendData>(before));
    }

    [Fact]
    public void Data_received_on_the_live_generation_is_raised_with_the_remote_peer_identity_and_on_a_stale_one_is_ignored()
    {
        var h = Open();
        var bob = h.Remote("B");

        var live = h.Feed(new DataReceived("B", 1, "chat", Bytes(9)));
        Swap(h);
        var stale = h.Feed(new DataReceived("B", 1, "chat", Bytes(10)));

        var received = Assert.Single(live.OfType<DataReceivedNotice>());
        Assert.Equal(("B", bob.Ref, "chat", 9), (received.RemotePeerId, received.Ref, received.Label, (int)received.Payload.Span[0]));
        Assert.Empty(stale.OfType<DataReceivedNotice>());
        Assert.Single(stale.OfType<InputIgnoredNotice>());
    }

    [Fact]
    public void A_channel_that_closes_on_the_live_generation_queues_later_sends()
    {
        var h = Open();
        h.Feed(new DataChannelClosed("B", 1, "chat"));
        var closed = h.Checkpoint;

        var outputs = Send(h, 1);

        Assert.Empty(outputs.OfType<SendData>());
        Assert.True(Assert.Single(outputs.OfType<DataSendAcceptedNotice>()).Queued);
        h.Feed(new DataChannelOpened("B", 1, "chat"));
        Assert.Equal([1], Sent(h, closed));
    }

    [Fact]
    public void A_peer_that_leaves_drops_its_queue_with_one_PeerLeft_error_per_message()
    {
        var h = Open();
        Swap(h);
        Send(h, 1);
        Send(h, 2, "game");

        h.ServerSends(new PeerLeftMessage("B", h.Remote("B").SessionId, "left"));

        Assert.Equal(
            [new DataSendFailed(1, "B", "chat", DataSendFailure.PeerLeft), new DataSendFailed(2, "B", "game", DataSendFailure.PeerLeft)],
            Failures(h));
        var gone = h.Checkpoint;
        Send(h, 3);
        Assert.Equal(new DataSendFailed(3, "B", "chat", DataSendFailure.UnknownPeer), Assert.Single(Failures(h, gone)));
    }

    [Fact]
    public void Leaving_drops_every_queue_with_CallEnded_and_a_closed_engine_fails_every_send_with_CallEnded()
    {
        var h = Open();
        Swap(h);
        Send(h, 1);

        h.Feed(new LeaveRequested());
        h.Feed(new CloseRequested());
        var afterClose = h.Feed(new DataSendRequested(2, "B", "chat", Bytes(2)));

        Assert.Equal(new DataSendFailed(1, "B", "chat", DataSendFailure.CallEnded), Assert.Single(Failures(h), f => f.SendId == 1));
        Assert.Equal(new DataSendFailed(2, "B", "chat", DataSendFailure.CallEnded), Assert.IsType<ErrorRaisedNotice>(Assert.Single(afterClose)).Error);
    }

    [Fact]
    public void A_send_to_an_unknown_peer_fails_with_UnknownPeer()
    {
        var h = Open();

        h.Feed(new DataSendRequested(1, "Z", "chat", Bytes(1)));

        Assert.Equal(new DataSendFailed(1, "Z", "chat", DataSendFailure.UnknownPeer), Assert.Single(Failures(h)));
    }

    [Fact]
    public void An_undeclared_channel_opening_is_ignored_with_a_reason()
    {
        var h = Open();

        var outputs = h.Feed(new DataChannelOpened("B", 1, "app-owned"));

        Assert.Equal("not a declared channel", Assert.Single(outputs.OfType<InputIgnoredNotice>()).Reason);
    }
}

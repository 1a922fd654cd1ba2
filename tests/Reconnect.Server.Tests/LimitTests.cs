using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Server.Tests;

public sealed class LimitTests
{
    [Fact]
    public async Task A_frame_over_the_size_limit_closes_its_socket_with_frame_too_large_and_the_channel_carries_on()
    {
        await using var server = await LiveServer.StartAsync(("MaxFrameBytes", "1024"));
        using var pair = await TwoJoinedAsync(server);
        var (bystander, offender) = (pair.Bystander, pair.Offender);

        await offender.SendTextAsync(new string(' ', 2000));

        await AssertClosedWhileBystanderIsFineAsync(server, offender, CloseCodes.FrameTooLarge, bystander);
    }

    [Fact]
    public async Task A_flood_over_the_frame_budget_closes_its_socket_with_rate_limited_and_the_channel_carries_on()
    {
        await using var server = await LiveServer.StartAsync(("MaxFramesPerSecond", "5"), ("MaxFrameBurst", "5"));
        using var pair = await TwoJoinedAsync(server);
        var (bystander, offender) = (pair.Bystander, pair.Offender);

        for (var i = 0; i < 20; i++)
        {
            await offender.SendAsync(new PingMessage(i));
        }

        await AssertClosedWhileBystanderIsFineAsync(server, offender, CloseCodes.RateLimited, bystander);
    }

    [Fact]
    public async Task A_mesh_burst_of_the_supported_room_on_the_default_budget_is_relayed_whole()
    {
        const int Others = 11;
        const int Candidates = 30;
        await using var server = await LiveServer.StartAsync();
        var others = new List<RawClient>();
        for (var i = 0; i < Others; i++)
        {
            others.Add(await server.JoinedAsync($"peer-{i}"));
        }

        using var joiner = await server.JoinedAsync("joiner");
        try
        {
            foreach (var (other, i) in others.Select((o, i) => (o, i)))
            {
                await joiner.SendAsync(new RelaySignalMessage($"peer-{i}", new OfferSignal(1, "v=0", IceRestart: false)));
                for (var c = 0; c < Candidates; c++)
                {
                    await joiner.SendAsync(new RelaySignalMessage($"peer-{i}", new CandidateSignal(1, new IceCandidate($"candidate:{c} 1 udp 1 127.0.0.1 {9000 + c} typ host"))));
                }
            }

            foreach (var other in others)
            {
                for (var f = 0; f < 1 + Candidates; f++)
                {
                    Assert.Equal("joiner", (await other.ExpectAsync<SignalRelayedMessage>()).From);
                }
            }

            Assert.True(await joiner.AnswersPingAsync(1), "the joiner's socket did not answer after its burst");
        }
        finally
        {
            others.ForEach(o => o.Dispose());
        }
    }

    [Fact]
    public async Task A_message_before_the_join_is_a_protocol_violation()
    {
        await using var server = await LiveServer.StartAsync();
        using var bystander = await server.JoinedAsync("bob");
        using var offender = await RawClient.ConnectAsync(server.SignalUri, server.Token("eve"));

        await offender.SendAsync(new RelaySignalMessage("bob", new OfferSignal(1, "v=0", IceRestart: false)));

        Assert.Equal(CloseCodes.ProtocolViolation, (await offender.ClosedAsync()).Code);
        Assert.True(await bystander.AnswersPingAsync(1));
    }

    [Fact]
    public async Task A_binary_frame_is_a_protocol_violation_and_the_channel_carries_on()
    {
        await using var server = await LiveServer.StartAsync();
        using var pair = await TwoJoinedAsync(server);
        var (bystander, offender) = (pair.Bystander, pair.Offender);

        await offender.SendBinaryAsync([1, 2, 3]);

        await AssertClosedWhileBystanderIsFineAsync(server, offender, CloseCodes.ProtocolViolation, bystander);
    }

    [Fact]
    public async Task A_connection_that_never_joins_is_closed_at_the_join_timeout()
    {
        await using var server = await LiveServer.StartAsync(("JoinTimeout", "00:00:00.200"));
        using var idle = await RawClient.ConnectAsync(server.SignalUri, server.Token("eve"));

        Assert.Equal(CloseCodes.JoinTimeout, (await idle.ClosedAsync()).Code);
    }

    [Theory]
    [InlineData("""{"type":"join","channel":"room-42","peerId":"","metadata":{},"streams":[],"resumeSessionId":null}""")]
    [InlineData("""{"type":"join","channel":"room-42","peerId":"eve","metadata":{},"streams":[],"resumeSessionId":null,"pingIntervalMs":-1}""")]
    [InlineData("""{"type":"join","channel":"room-42","peerId":"eve","metadata":{},"streams":[{"streamId":"","metadata":{}}],"resumeSessionId":null}""")]
    public async Task A_connection_whose_join_the_channel_refuses_as_malformed_is_still_closed_at_the_join_timeout(string join)
    {
        await using var server = await LiveServer.StartAsync(("JoinTimeout", "00:00:00.200"));
        using var client = await RawClient.ConnectAsync(server.SignalUri, server.Token("eve"));
        await client.SendTextAsync(join);

        Assert.Contains((await client.ClosedAsync()).Code, new[] { CloseCodes.JoinTimeout, CloseCodes.ProtocolViolation });
    }

    [Fact]
    public async Task A_client_that_never_finishes_its_upgrade_request_is_dropped_at_the_upgrade_timeout()
    {
        await using var server = await LiveServer.StartAsync(("UpgradeTimeout", "00:00:00.500"));
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.BaseUri.Host, server.BaseUri.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync("GET /signal HTTP/1.1\r\nHost: x\r\n"u8.ToArray(), TestContext.Current.CancellationToken);

        using var patience = new CancellationTokenSource(RawClient.Patience);
        var buffer = new byte[1024];
        while (await stream.ReadAsync(buffer, patience.Token) > 0)
        {
        }

        Assert.False(patience.IsCancellationRequested);
    }

    [Fact]
    public async Task A_join_past_the_peers_per_channel_limit_is_over_capacity_while_another_channel_still_takes_it()
    {
        await using var server = await LiveServer.StartAsync(("MaxPeersPerChannel", "1"));
        using var alice = await server.JoinedAsync("alice");

        using var bob = await server.JoinAsync("bob");
        using var elsewhere = await server.JoinAsync("bob", "room-43");

        Assert.Equal(CloseCodes.OverCapacity, (await bob.ClosedAsync()).Code);
        await elsewhere.ExpectAsync<WelcomeMessage>();
    }

    [Fact]
    public async Task A_connection_past_the_per_account_limit_is_over_capacity_whichever_channel_it_is_for()
    {
        await using var server = await LiveServer.StartAsync(("MaxConnectionsPerAccount", "1"), ("ChannelLoops", "4"));
        using var first = await server.JoinedAsync("alice", "room-a");
        using var other = await server.JoinedAsync("bob", "room-b");

        using var second = await RawClient.ConnectAsync(server.SignalUri, server.Token("alice"));

        Assert.Equal(CloseCodes.OverCapacity, (await second.ClosedAsync()).Code);
        Assert.True(await first.AnswersPingAsync(1));
    }

    [Fact]
    public async Task A_connection_past_the_per_address_limit_is_over_capacity_and_a_freed_slot_is_reused()
    {
        await using var server = await LiveServer.StartAsync(("MaxConnectionsPerAddress", "1"));
        using (var first = await server.JoinAsync("alice"))
        {
            await first.ExpectAsync<WelcomeMessage>();
            using var second = await RawClient.ConnectAsync(server.SignalUri, server.Token("bob"));

            Assert.Equal(CloseCodes.OverCapacity, (await second.ClosedAsync()).Code);
            await first.SendAsync(new LeaveMessage());
            await first.ClosedAsync();
        }

        Assert.Equal("carol", (await JoinWhenSlotFreeAsync(server, "carol")).PeerId);
    }

    [Fact]
    public async Task A_reader_that_stops_reading_is_dropped_once_its_outbound_queue_fills_and_the_sender_carries_on()
    {
        await using var server = await LiveServer.StartAsync(("OutboundQueueCapacity", "4"), ("MaxFrameBurst", "4"), ("MaxFramesPerSecond", "100000"), ("CloseTimeout", "00:00:00.200"));
        using var pair = await TwoJoinedAsync(server);
        var sender = pair.Offender;
        var offer = new RelaySignalMessage("bob", new OfferSignal(1, new string('x', 32 * 1024), IceRestart: false));
        var sent = 0;

        while (await AdminTests.IsAttachedAsync(server, "bob") && sent < 2000)
        {
            for (var i = 0; i < 50; i++, sent++)
            {
                await sender.SendAsync(offer);
            }
        }

        Assert.False(await AdminTests.IsAttachedAsync(server, "bob"), $"bob still attached after {sent} frames of 32 KiB");
        Assert.True(await sender.AnswersPingAsync(5));
    }

    /// <summary>Joins, retrying while the server has not yet released the previous socket's address slot.</summary>
    private static async Task<WelcomeMessage> JoinWhenSlotFreeAsync(LiveServer server, string peerId)
    {
        using var timeout = new CancellationTokenSource(RawClient.Patience);
        while (true)
        {
            using var client = await server.JoinAsync(peerId);
            if (await client.NextAsync() is WelcomeMessage welcome)
            {
                return welcome;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<Pair> TwoJoinedAsync(LiveServer server)
    {
        var bystander = await server.JoinedAsync("bob");
        var offender = await server.JoinedAsync("eve");
        await bystander.ExpectAsync<PeerJoinedMessage>();
        return new Pair(bystander, offender);
    }

    private static async Task AssertClosedWhileBystanderIsFineAsync(LiveServer server, RawClient offender, int code, RawClient bystander)
    {
        Assert.Equal(code, (await offender.ClosedAsync()).Code);
        Assert.True(await bystander.AnswersPingAsync(99));
        Assert.True(await server.Logs.LoggedAsync($"refused with {code}: "), $"No log line says why {code}:\n{string.Join("\n", server.Logs.Lines)}");
    }

    private sealed record Pair(RawClient Bystander, RawClient Offender) : IDisposable
    {
        public void Dispose()
        {
            Bystander.Dispose();
            Offender.Dispose();
        }
    }
}

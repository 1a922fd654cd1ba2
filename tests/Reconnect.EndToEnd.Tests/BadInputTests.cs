using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Samples.RealCall;
using Reconnect.TestSupport.Signalling;

namespace Reconnect.EndToEnd.Tests;

/// <summary>
/// Bad input from raw sockets beside a real call in <see cref="LiveCall.Channel"/>: each offender is refused with its
/// documented close code (or, where the protocol says so, ignored), and the real clients see nothing wrong.
/// </summary>
public sealed class BadInputTests
{
    private const string OtherChannel = "room-43";

    private static CancellationToken Ct => LiveCall.Ct;

    [Theory]
    [InlineData("malformed-json-as-the-first-frame", CloseCodes.ProtocolViolation)]
    [InlineData("malformed-json-after-the-join", null)]
    [InlineData("binary-frame", CloseCodes.ProtocolViolation)]
    [InlineData("oversized-frame", CloseCodes.FrameTooLarge)]
    [InlineData("flood", CloseCodes.RateLimited)]
    [InlineData("garbage-token", CloseCodes.InvalidToken)]
    [InlineData("forged-token", CloseCodes.InvalidToken)]
    [InlineData("join-outside-the-token", CloseCodes.ChannelNotAuthorized)]
    [InlineData("signal-to-a-peer-of-another-channel", null)]
    [InlineData("frame-before-the-join", CloseCodes.ProtocolViolation)]
    public async Task Bad_input_is_refused_with_its_code_while_the_real_call_sees_nothing_wrong(string input, int? code)
    {
        await using var call = await LiveCall.StartAsync();
        await call.JoinAllAsync("A", "B");
        var watch = await CallQuietWatch.StartAsync(call);

        using var offender = await OffendAsync(call, input);

        if (code is null)
        {
            Assert.True(await offender.AnswersPingAsync(7));
        }
        else
        {
            Assert.Equal(code, (await offender.ClosedAsync()).Code);
        }

        await watch.AssertNothingWrongAsync();
    }

    [Fact]
    public async Task A_slow_reader_is_dropped_with_slow_consumer_while_the_real_call_sees_nothing_wrong()
    {
        await using var call = await LiveCall.StartAsync(("OutboundQueueCapacity", "16"), ("MaxFrameBurst", "16"), ("MaxFramesPerSecond", "100000"), ("CloseTimeout", "00:00:30"));
        await call.JoinAllAsync("A", "B");
        var watch = await CallQuietWatch.StartAsync(call);
        using var slow = await JoinedAsync(call, "slow", OtherChannel);
        using var sender = await JoinedAsync(call, "sender", OtherChannel);
        var offer = new RelaySignalMessage("slow", new OfferSignal(1, new string('x', 32 * 1024), IceRestart: false));
        var sent = 0;

        while (await call.Api.IsAttachedAsync(OtherChannel, "slow", Ct) && sent < 3000)
        {
            for (var i = 0; i < 50; i++, sent++)
            {
                await sender.SendAsync(offer);
            }
        }

        Assert.False(await call.Api.IsAttachedAsync(OtherChannel, "slow", Ct), $"slow still attached after {sent} frames of 32 KiB");
        Assert.Equal(CloseCodes.SlowConsumer, (await slow.ClosedAsync()).Code);
        Assert.True(await sender.AnswersPingAsync(5));
        await watch.AssertNothingWrongAsync();
    }

    private static async Task<RawClient> OffendAsync(LiveCall call, string input)
    {
        switch (input)
        {
            case "malformed-json-as-the-first-frame":
                return await SendingAsync(await ConnectedAsync(call, "eve"), c => c.SendTextAsync("{\"type\":\"join\",\"channel\":"));
            case "malformed-json-after-the-join":
                return await SendingAsync(await JoinedAsync(call, "eve", OtherChannel), c => c.SendTextAsync("{\"type\":\"ping\",\"sequence\":\"x\"}"));
            case "binary-frame":
                return await SendingAsync(await JoinedAsync(call, "eve", OtherChannel), c => c.SendBinaryAsync([1, 2, 3]));
            case "oversized-frame":
                return await SendingAsync(await JoinedAsync(call, "eve", OtherChannel), c => c.SendTextAsync(new string(' ', 70 * 1024)));
            case "flood":
                return await SendingAsync(await JoinedAsync(call, "eve", OtherChannel), FloodAsync);
            case "garbage-token":
                return await RawClient.ConnectAsync(call.SignalUri, "not-a-token");
            case "forged-token":
                return await RawClient.ConnectAsync(call.SignalUri, Forged(await call.Api.TokenAsync("eve", OtherChannel, null, Ct)));
            case "join-outside-the-token":
                return await SendingAsync(await ConnectedAsync(call, "eve"), c => c.SendJoinAsync(LiveCall.Channel, "eve"));
            case "signal-to-a-peer-of-another-channel":
                return await SendingAsync(
                    await JoinedAsync(call, "eve", OtherChannel),
                    c => c.SendAsync(new RelaySignalMessage("A", new OfferSignal(1, new string('x', 4 * (int)CallQuietWatch.HeartbeatBytes), IceRestart: false))));
            case "frame-before-the-join":
                return await SendingAsync(await ConnectedAsync(call, "eve"), c => c.SendAsync(new PingMessage(1)));
            default:
                throw new ArgumentOutOfRangeException(nameof(input), input, "An unknown bad input.");
        }
    }

    /// <summary>Far more pings than the server's frame budget allows; the server may cut the socket midway.</summary>
    private static async Task FloodAsync(RawClient client)
    {
        try
        {
            // Past the frame budget (400 at once, refilled at 50 a second) unless sending them takes over 30 s.
            for (var i = 0; i < 2000; i++)
            {
                await client.SendAsync(new PingMessage(i));
            }
        }
        catch (WebSocketException)
        {
            // The server closed the socket under the flood, as it should.
        }
    }

    private static async Task<RawClient> SendingAsync(RawClient client, Func<RawClient, Task> send)
    {
        await send(client);
        return client;
    }

    /// <summary>A socket whose token allows <see cref="OtherChannel"/> only, not joined yet.</summary>
    private static async Task<RawClient> ConnectedAsync(LiveCall call, string peerId) =>
        await RawClient.ConnectAsync(call.SignalUri, await call.Api.TokenAsync(peerId, OtherChannel, null, Ct));

    private static async Task<RawClient> JoinedAsync(LiveCall call, string peerId, string channel)
    {
        var client = await RawClient.ConnectAsync(call.SignalUri, await call.Api.TokenAsync(peerId, channel, null, Ct));
        await client.SendJoinAsync(channel, peerId);
        await client.ExpectAsync<WelcomeMessage>();
        return client;
    }

    /// <summary>The token with its claims altered to allow the real call's channel, its signature kept.</summary>
    private static string Forged(string token)
    {
        var parts = token.Split('.');
        var claims = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]));
        var altered = claims.Replace(OtherChannel, LiveCall.Channel, StringComparison.Ordinal);
        Assert.NotEqual(claims, altered);
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(altered))}.{parts[2]}";
    }
}

using System.Text;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Testing.Calls;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Calls;

/// <summary>Declared data channels in the simulator: what is sent across an outage arrives after the heal, in order, none lost.</summary>
public sealed class VirtualCallDataChannelTests
{
    private static readonly ReconnectOptions Chat = new() { DataChannels = new() { Channels = [new("chat")] } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1UL, FaultKind.MediaDrop, 8_000)]
    [InlineData(42UL, FaultKind.MediaDrop, 20_000)]
    [InlineData(0xC0FFEEUL, FaultKind.MediaDrop, 4_000)]
    [InlineData(0x5EED5EEDUL, FaultKind.SignallingDrop, 10_000)]
    [InlineData(9UL, FaultKind.SignallingDrop, 30_000)]
    public async Task Messages_sent_before_during_and_after_an_outage_the_connection_survives_all_arrive_after_the_heal_in_order(ulong seed, FaultKind kind, int durationMs)
    {
        var (sent, received, failure) = await SendAcrossAsync(seed, kind, durationMs);

        Assert.True(sent.SequenceEqual(received), $"{failure}: sent [{string.Join(", ", sent)}] but bob received [{string.Join(", ", received)}]");
    }

    /// <summary>
    /// An outage that replaces the connection (the host went offline, its ICE failed at once): what was in flight on the
    /// old connection dies with it, as in WebRTC, but everything sent once the engine knew (queued during the swap) and
    /// after arrives, and what arrives is in the order sent, without duplicates.
    /// </summary>
    [Theory]
    [InlineData(0xC0FFEEUL, 6_000)]
    [InlineData(7UL, 25_000)]
    [InlineData(0xDEADBEEFUL, 12_000)]
    public async Task Messages_sent_during_and_after_an_outage_that_replaces_the_connection_arrive_after_the_heal_in_order(ulong seed, int durationMs)
    {
        var (sent, received, failure) = await SendAcrossAsync(seed, FaultKind.Offline, durationMs);

        var message = $"{failure}: sent [{string.Join(", ", sent)}] but bob received [{string.Join(", ", received)}]";
        Assert.True(received.Distinct(StringComparer.Ordinal).Count() == received.Count, message);
        Assert.True(received.Select(r => sent.IndexOf(r)).Order().SequenceEqual(received.Select(r => sent.IndexOf(r))) && received.All(sent.Contains), message);
        Assert.True(sent.SkipWhile(s => !s.StartsWith("during", StringComparison.Ordinal)).All(received.Contains), message);
    }

    [Fact]
    public async Task Data_send_faults_injected_into_a_virtual_call_send_through_the_client_and_arrive_numbered_in_order_across_a_media_drop()
    {
        await using var call = new VirtualCall(0xDA7AUL);
        var alice = call.AddClient("alice", Chat);
        var bob = call.AddClient("bob", Chat);
        var received = new List<string>();
        bob.DataReceived += (_, e) => received.Add(Encoding.UTF8.GetString(e.Payload.Span));
        await call.RunAsync(Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct)));
        Assert.True(await call.RunUntilHealedAsync(), call.Timeline());

        call.Inject(
        [
            new FaultSpec { AtMs = 0, Kind = FaultKind.DataSend, Peer = "alice", Other = "bob", Label = "chat", Count = 2 },
            new FaultSpec { AtMs = 1_000, Kind = FaultKind.MediaDrop, Peer = "alice", DurationMs = 8_000 },
            new FaultSpec { AtMs = 4_000, Kind = FaultKind.DataSend, Peer = "alice", Other = "bob", Label = "chat", Count = 3 },
        ]);
        Assert.True(await call.RunUntilHealedAsync(TimeSpan.FromMinutes(3)), call.Timeline());
        await call.RunForAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["data-send #1", "data-send #2", "data-send #3", "data-send #4", "data-send #5"], received);
        Assert.Empty(call.Violations);
    }

    /// <summary>Joins alice and bob, sends from alice before, at, during and after a fault on alice; returns what was sent, what bob received, and the failure header.</summary>
    private static async Task<(List<string> Sent, List<string> Received, string Failure)> SendAcrossAsync(ulong seed, FaultKind kind, int durationMs)
    {
        await using var call = new VirtualCall(seed);
        var alice = call.AddClient("alice", Chat);
        var bob = call.AddClient("bob", Chat);
        var received = new List<string>();
        bob.DataReceived += (_, e) => received.Add(e.Peer.Id == "alice" ? Encoding.UTF8.GetString(e.Payload.Span) : $"from {e.Peer.Id}");
        await call.RunAsync(Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct)));
        Assert.True(await call.RunUntilHealedAsync(), call.Timeline());
        var sent = new List<string>();

        await SendAsync(call, alice, sent, "before");
        call.Inject(new FaultSpec { AtMs = 0, Kind = kind, Peer = "alice", DurationMs = durationMs });
        await SendAsync(call, alice, sent, "at-the-fault");
        foreach (var step in new[] { 1, 2, 3 })
        {
            await call.RunForAsync(TimeSpan.FromMilliseconds(durationMs / 4));
            await SendAsync(call, alice, sent, $"during-{step}");
        }

        var failure = $"SEED=0x{seed:x} {kind} {durationMs} ms";
        Assert.True(await call.RunUntilHealedAsync(TimeSpan.FromMinutes(3)), $"{failure}\n{call.Timeline()}");
        await SendAsync(call, alice, sent, "after");
        await call.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(RemotePeerState.Connected, Assert.Single(alice.RemotePeers).State);
        Assert.Empty(call.Violations);
        return (sent, received, $"{failure}\n{call.Timeline()}");
    }

    private static async Task SendAsync(VirtualCall call, ReconnectClient from, List<string> sent, string text)
    {
        await call.RunAsync(from.SendDataAsync("bob", "chat", Encoding.UTF8.GetBytes(text), Ct));
        sent.Add(text);
    }
}

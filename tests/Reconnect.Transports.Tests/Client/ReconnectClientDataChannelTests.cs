using System.Text;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

/// <summary>Declared data channels through the client: sends, received messages with the peer's identity, and the swap across a media outage.</summary>
public sealed class ReconnectClientDataChannelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReadOnlyMemory<byte> Text(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(DataReceivedEvent e) => Encoding.UTF8.GetString(e.Payload.Span);

    [Fact]
    public async Task Messages_on_a_declared_channel_arrive_in_order_raised_on_the_client_the_remote_peer_and_the_event_stream()
    {
        var (call, alice, bob) = await JoinedAsync();
        await using (call)
        {
            var onClient = new List<DataReceivedEvent>();
            var onPeer = new List<DataReceivedEvent>();
            bob.DataReceived += (_, e) => onClient.Add(e);
            var alicePeer = Assert.Single(bob.RemotePeers);
            alicePeer.DataReceived += (_, e) => onPeer.Add(e);
            var stream = bob.Events(Ct);

            foreach (var text in new[] { "one", "two", "three" })
            {
                await alice.SendDataAsync("bob", "chat", Text(text), Ct);
            }

            call.Run(TimeSpan.FromSeconds(2));
            await bob.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
            await bob.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);
            var streamed = await stream.OfType<DataReceivedEvent>().ToListAsync(Ct);

            Assert.Equal(["one", "two", "three"], onClient.Select(Text));
            Assert.All(onClient, e => Assert.Same(alicePeer, e.Peer));
            Assert.All(onClient, e => Assert.Equal("chat", e.Label));
            Assert.Equal(onClient, onPeer);
            Assert.Equal(onClient, streamed);
        }
    }

    [Fact]
    public async Task Messages_sent_across_a_media_outage_arrive_in_order_after_it_heals()
    {
        var (call, alice, bob) = await JoinedAsync();
        await using (call)
        {
            var received = new List<string>();
            bob.DataReceived += (_, e) => received.Add(Text(e));

            call.Fabric.BlockMedia("alice", blocked: true);
            await alice.SendDataAsync("bob", "chat", Text("at-the-drop"), Ct);
            call.Run(TimeSpan.FromSeconds(6));
            await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
            Assert.NotEqual(RemotePeerState.Connected, Assert.Single(alice.RemotePeers).State);
            for (var n = 1; n <= 5; n++)
            {
                await alice.SendDataAsync("bob", "chat", Text($"during-{n}"), Ct);
            }

            call.Fabric.BlockMedia("alice", blocked: false);
            call.Run(TimeSpan.FromSeconds(60));
            await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
            await bob.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);

            Assert.Equal(RemotePeerState.Connected, Assert.Single(alice.RemotePeers).State);
            Assert.Equal(["at-the-drop", "during-1", "during-2", "during-3", "during-4", "during-5"], received);
        }
    }

    [Fact]
    public async Task A_rebuilt_connection_reopens_the_channel_by_itself_and_messages_sent_during_the_swap_arrive_in_order()
    {
        var (call, alice, bob) = await JoinedAsync(new ReconnectOptions { ForceMediaRestartOnReconnect = true });
        await using (call)
        {
            var received = new List<string>();
            bob.DataReceived += (_, e) => received.Add(Text(e));
            var resets = new List<int>();
            alice.NoticeDispatched += (_, e) => resets.AddRange(e.Notice is Core.Engine.DataChannelsResetNotice r ? [r.Generation] : []);

            call.DropSignalling("alice");
            call.Run(TimeSpan.FromMilliseconds(1_500));
            for (var n = 1; n <= 3; n++)
            {
                await alice.SendDataAsync("bob", "chat", Text($"swap-{n}"), Ct);
            }

            call.Run(TimeSpan.FromSeconds(30));
            await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
            await bob.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);

            Assert.Equal([2], resets);
            Assert.Equal(["swap-1", "swap-2", "swap-3"], received);
        }
    }

    [Fact]
    public async Task In_fail_fast_mode_a_send_while_the_channel_is_not_open_throws_the_typed_error()
    {
        var options = new ReconnectOptions { DataChannels = new() { WhileNotOpen = DataSendMode.FailFast } };
        var (call, alice, _) = await JoinedAsync(options);
        await using (call)
        {
            call.Fabric.BlockMedia("alice", blocked: true);
            call.Run(TimeSpan.FromSeconds(6));

            var thrown = await Assert.ThrowsAsync<ReconnectException>(() => alice.SendDataAsync("bob", "chat", Text("late"), Ct));

            Assert.Equal(new DataSendFailed(1, "bob", "chat", DataSendFailure.ChannelNotOpen), thrown.Error);
        }
    }

    [Fact]
    public async Task A_send_on_an_undeclared_channel_or_to_an_unknown_peer_throws_and_a_closed_client_refuses_sends()
    {
        var (call, alice, _) = await JoinedAsync();
        await using (call)
        {
            var undeclared = await Assert.ThrowsAsync<ReconnectException>(() => alice.SendDataAsync("bob", "files", Text("x"), Ct));
            var unknown = await Assert.ThrowsAsync<ReconnectException>(() => alice.SendDataAsync("carol", "chat", Text("x"), Ct));
            await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);

            Assert.Equal(DataSendFailure.UndeclaredChannel, Assert.IsType<DataSendFailed>(undeclared.Error).Reason);
            Assert.Equal(DataSendFailure.UnknownPeer, Assert.IsType<DataSendFailed>(unknown.Error).Reason);
            await Assert.ThrowsAsync<ReconnectClosedException>(() => alice.SendDataAsync("bob", "chat", Text("x"), Ct));
        }
    }

    /// <summary>Alice and Bob joined, both declaring <c>chat</c> on the builder, with media connected.</summary>
    private static async Task<(TestCall Call, ReconnectClient Alice, ReconnectClient Bob)> JoinedAsync(ReconnectOptions? options = null)
    {
        var call = new TestCall();
        var alice = call.Client("alice", b => b.WithOptions(options ?? new ReconnectOptions()).WithDataChannel("chat"));
        var bob = call.Client("bob", b => b.WithDataChannel("chat"));
        var joins = Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct));
        call.Run(TimeSpan.FromSeconds(5));
        await joins.WaitAsync(TestCall.Patience, Ct);
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
        await bob.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
        Assert.Equal(RemotePeerState.Connected, Assert.Single(alice.RemotePeers).State);
        return (call, alice, bob);
    }
}

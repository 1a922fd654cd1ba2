using Reconnect.Channel;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Transports.InMemory;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

public sealed class BackgroundClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Background_client_joins_on_the_system_clock_and_closes_once()
    {
        var fabric = new TestFabric(null);
        fabric.AddHost(TestCall.ServerHost);
        fabric.AddHost("alice");
        var server = new InMemorySignallingServer(fabric, TestCall.ServerHost, new ChannelServer(new ChannelServerOptions(), new LiteralTokenValidator()));
        var client = ReconnectClient.CreateBuilder()
            .WithTransport(new InMemoryTransport(fabric, "alice", server, new InMemoryMediaDirectory()))
            .WithTokenProvider(async cancellationToken =>
            {
                await Task.Yield();
                return new TokenGrant("ok:alice");
            })
            .Build();
        await using (client)
        {
            Assert.Equal(ClientRunMode.Background, client.RunMode);

            await client.JoinAsync("room", "alice", null, Ct).WaitAsync(TestCall.Patience, Ct);
            Assert.Equal(LocalPeerState.Joined, client.State);

            await Task.WhenAll(client.CloseAsync(Ct), client.CloseAsync(Ct)).WaitAsync(TestCall.Patience, Ct);
            Assert.Equal(LocalPeerState.Closed, client.State);
        }

        await Assert.ThrowsAsync<ReconnectClosedException>(() => client.JoinAsync("room", "alice", null, Ct));
    }

    [Fact]
    public async Task Background_client_that_never_joined_closes_without_touching_its_ports()
    {
        var transport = new IdleTransport();
        var client = ReconnectClient.CreateBuilder()
            .WithTransport(transport)
            .WithTokenProvider(_ => ValueTask.FromResult(new TokenGrant("ok:alice")))
            .Build();
        var stream = client.Events(Ct);

        await client.DisposeAsync();

        var events = await stream.ToListAsync(Ct);
        Assert.Equal(2, events.Count);
        Assert.Equal(LocalPeerState.Idle, Assert.IsType<CallSnapshotEvent>(events[0]).State);
        var closed = Assert.IsType<StateChangedEvent>(events[1]);
        Assert.Equal((LocalPeerState.Idle, LocalPeerState.Closed), (closed.From, closed.To));
        Assert.Equal(0, transport.Calls);
    }
}

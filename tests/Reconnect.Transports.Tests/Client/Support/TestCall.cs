using Reconnect.Channel;
using Reconnect.Testing.Time;
using Reconnect.Transports.InMemory;

namespace Reconnect.Transports.Tests.Client.Support;

/// <summary>
/// A channel server and in-memory clients on one virtual clock. Clients run inline; a test drives time with
/// <see cref="Run"/> and waits for the (asynchronous) event dispatch with <see cref="ReconnectClient.DrainEventsAsync"/>.
/// </summary>
internal sealed class TestCall : IAsyncDisposable
{
    public const string ServerHost = "server";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly List<ReconnectClient> _clients = [];
    private readonly SortedDictionary<string, InMemoryTransport> _transports = new(StringComparer.Ordinal);

    public TestCall()
    {
        Fabric = new TestFabric(Clock);
        Fabric.AddHost(ServerHost);
        Server = new InMemorySignallingServer(Fabric, ServerHost, new ChannelServer(new ChannelServerOptions(), new LiteralTokenValidator()));
    }

    public VirtualTimeProvider Clock { get; } = new();

    public TestFabric Fabric { get; }

    public InMemorySignallingServer Server { get; }

    public InMemoryMediaDirectory Directory { get; } = new();

    /// <summary>An inline client on its own host (with a network monitor if given one), with the token <c>ok:&lt;name&gt;</c> unless told otherwise.</summary>
    public ReconnectClient Client(string name, Action<ReconnectClientBuilder>? configure = null, string? token = null, INetworkMonitor? monitor = null)
    {
        Fabric.AddHost(name);
        var transport = new InMemoryTransport(Fabric, name, Server, Directory, monitor);
        var grant = new TokenGrant(token ?? $"ok:{name}");
        var builder = ReconnectClient.CreateBuilder()
            .WithRunMode(ClientRunMode.Inline)
            .WithTimeProvider(Clock)
            .WithSeed(7)
            .WithTransport(transport)
            .WithTokenProvider(_ => ValueTask.FromResult(grant));
        configure?.Invoke(builder);
        var client = builder.Build();
        _clients.Add(client);
        _transports[name] = transport;
        return client;
    }

    public void Run(TimeSpan duration) => Clock.RunFor(duration);

    /// <summary>The client's socket dies on its side, as when a Wi-Fi access point drops it; the server sees nothing.</summary>
    public void DropSignalling(string name) => _transports[name].Signalling!.NetworkLost();

    /// <summary>The server closes the client's first socket as at a token expiry (4002), keeping its session for the resume.</summary>
    public void ExpireFirstToken(string name) =>
        Server.Operate(new TokenExpired(Server.ConnectionOf(_transports[name].Signalling!, 1) ?? throw new InvalidOperationException($"{name} has no first socket open")));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.CloseAsync().ConfigureAwait(false);
        }
    }
}

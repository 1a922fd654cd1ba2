using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Reconnect.Core.Protocol;
using Reconnect.Samples.RealCall;
using Reconnect.TestSupport.Proxy;
using Reconnect.Transports.Client;
using Reconnect.Transports.InMemory;

namespace Reconnect.EndToEnd.Tests;

/// <summary>
/// The real server on loopback and real clients, each signalling through its own <see cref="FaultProxy"/>, media over
/// one in-memory fabric in real time; every client's notices go to one <see cref="CallRecorder"/>.
/// </summary>
internal sealed class LiveCall : IAsyncDisposable
{
    public const string Channel = "room-42";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly CallServer _server;
    private readonly ServerApi _api;
    private readonly CallPeers _peers;
    private readonly SortedDictionary<string, FaultProxy> _proxies = new(StringComparer.Ordinal);

    private LiveCall(CallServer server)
    {
        _server = server;
        _api = new ServerApi(server.BaseUri, CallServer.AdminKey);
        _peers = new CallPeers(_api, new RealTimeMediaFabric(), Recorder, NullLoggerFactory.Instance);
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public CallRecorder Recorder { get; } = new();

    public ServerApi Api => _api;

    public SortedDictionary<string, ReconnectClient> Clients { get; } = new(StringComparer.Ordinal);

    public static async Task<LiveCall> StartAsync() => new(await CallServer.StartAsync(Ct).ConfigureAwait(false));

    public FaultProxy Proxy(string name) => _proxies[name];

    /// <summary>A client behind a proxy of its own, not joined yet.</summary>
    public ReconnectClient Client(string name, int? tokenLifetimeSeconds = null)
    {
        var proxy = new FaultProxy(new IPEndPoint(IPAddress.Loopback, _server.BaseUri.Port));
        _proxies.Add(name, proxy);
        var client = _peers.Create(name, Channel, ServerApi.SignalUri(proxy.EndPoint.ToString()), tokenLifetimeSeconds);
        Clients.Add(name, client);
        return client;
    }

    /// <summary>Clients that join and publish <c>cam&lt;name&gt;</c>, then waits until each sees every other connected.</summary>
    public async Task JoinAllAsync(params string[] names)
    {
        await Task.WhenAll(names.Select(name => JoinAsync(name))).ConfigureAwait(false);
        Assert.True(await HealedAsync().ConfigureAwait(false), "The call never became whole:\n" + Timeline());
    }

    /// <summary>A client that joins and publishes <c>cam&lt;name&gt;</c>, with tokens of the given lifetime.</summary>
    public async Task JoinAsync(string name, int? tokenLifetimeSeconds = null)
    {
        var client = Client(name, tokenLifetimeSeconds);
        await client.JoinAsync(Channel, name, null, Ct).WaitAsync(Patience, Ct).ConfigureAwait(false);
        await client.PublishAsync(new StreamInfo("cam" + name, new Dictionary<string, string>(StringComparer.Ordinal)), Ct).ConfigureAwait(false);
    }

    public Task<bool> HealedAsync() => CallProbe.WaitAsync(() => CallProbe.IsHealed(Clients), Patience, Ct);

    public string Timeline() => new Reconnect.Sim.Trace.TimelinePrinter().Print(Recorder.Events);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients.Values)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var proxy in _proxies.Values)
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
        }

        _api.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
    }
}

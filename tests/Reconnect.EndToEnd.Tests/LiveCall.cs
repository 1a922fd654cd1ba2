using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Reconnect.Core.Protocol;
using Reconnect.Samples.RealCall;
using Reconnect.TestSupport.Hosting;
using Reconnect.TestSupport.Proxy;
using Reconnect.Transports.InMemory;

namespace Reconnect.EndToEnd.Tests;

/// <summary>
/// The real server on loopback and real clients, each signalling through its own <see cref="FaultProxy"/>, media over
/// one in-memory fabric in real time; every client's notices go to one <see cref="CallRecorder"/>. The server keeps its
/// port and signing key, so it can be stopped (or killed, out of process) and started again behind the proxies.
/// </summary>
internal sealed class LiveCall : IAsyncDisposable
{
    public const string Channel = "room-42";

    public const string SigningKey = "ZW5kLXRvLWVuZC1zaWduaW5nLWtleS1lbmQtdG8tZW5kLTAxMjM0NQ==";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Func<CancellationToken, Task<IAsyncDisposable>> _startServer;
    private readonly ServerApi _api;
    private readonly CallPeers _peers;
    private readonly SortedDictionary<string, FaultProxy> _proxies = new(StringComparer.Ordinal);
    private IAsyncDisposable? _server;

    private LiveCall(int port, Func<CancellationToken, Task<IAsyncDisposable>> startServer, IAsyncDisposable server)
    {
        Port = port;
        _startServer = startServer;
        _server = server;
        _api = new ServerApi(new Uri($"http://127.0.0.1:{port}"), CallServer.AdminKey);
        _peers = new CallPeers(_api, new RealTimeMediaFabric(), Recorder, NullLoggerFactory.Instance);
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public CallRecorder Recorder { get; } = new();

    public ServerApi Api => _api;

    /// <summary>The server's port, the same after a restart.</summary>
    public int Port { get; }

    public Uri SignalUri => ServerApi.SignalUri($"127.0.0.1:{Port}");

    public SortedDictionary<string, ReconnectClient> Clients { get; } = new(StringComparer.Ordinal);

    /// <summary>The server in this process; <paramref name="settings"/> override its <c>Reconnect:</c> settings.</summary>
    public static Task<LiveCall> StartAsync(params (string Key, string Value)[] settings) =>
        StartWithAsync(async (port, ct) => await CallServer.StartAsync(port, ct, [("SigningKey", SigningKey), .. settings]).ConfigureAwait(false));

    /// <summary>The server as a child process (so it can crash); <paramref name="settings"/> override its <c>Reconnect:</c> settings.</summary>
    public static Task<LiveCall> StartOutOfProcessAsync(params (string Key, string Value)[] settings) =>
        StartWithAsync(async (port, ct) => await ServerProcess.StartAsync(
            port,
            [
                "--environment", "Development", "--Logging:LogLevel:Default=Warning", "--Reconnect:DevTokens=true",
                $"--Reconnect:AdminKey={CallServer.AdminKey}", $"--Reconnect:SigningKey={SigningKey}",
                .. settings.Select(s => $"--Reconnect:{s.Key}={s.Value}"),
            ],
            cancellationToken: ct).ConfigureAwait(false));

    public FaultProxy Proxy(string name) => _proxies[name];

    /// <summary>A client behind a proxy of its own, not joined yet; <paramref name="tokens"/> wraps its token provider.</summary>
    public ReconnectClient Client(
        string name,
        int? tokenLifetimeSeconds = null,
        ReconnectOptions? options = null,
        Func<Func<CancellationToken, ValueTask<TokenGrant>>, Func<CancellationToken, ValueTask<TokenGrant>>>? tokens = null)
    {
        var proxy = new FaultProxy(new IPEndPoint(IPAddress.Loopback, Port));
        _proxies.Add(name, proxy);
        var provider = _peers.Tokens(name, Channel, tokenLifetimeSeconds);
        var client = _peers.Create(
            name, Channel, ServerApi.SignalUri(proxy.EndPoint.ToString()), tokenLifetimeSeconds, options, tokens is null ? provider : tokens(provider));
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
    public Task JoinAsync(string name, int? tokenLifetimeSeconds = null) => JoinAsync(Client(name, tokenLifetimeSeconds), name);

    /// <summary>Joins <paramref name="client"/> as <paramref name="name"/> and publishes <c>cam&lt;name&gt;</c>.</summary>
    public static async Task JoinAsync(ReconnectClient client, string name)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.JoinAsync(Channel, name, null, Ct).WaitAsync(Patience, Ct).ConfigureAwait(false);
        await client.PublishAsync(new StreamInfo("cam" + name, new Dictionary<string, string>(StringComparer.Ordinal)), Ct).ConfigureAwait(false);
    }

    public Task<bool> HealedAsync() => CallProbe.WaitAsync(() => CallProbe.IsHealed(Clients), Patience, Ct);

    /// <summary>True once every client sees each other's <c>cam&lt;name&gt;</c> stream, and nothing else.</summary>
    public Task<bool> StreamsBackAsync() => CallProbe.WaitAsync(
        () => Clients.All(self => self.Value.RemotePeers.All(p => p.Streams.Select(s => s.Id).SequenceEqual(["cam" + p.Id]))),
        Patience,
        Ct);

    /// <summary>The remote peers each client sees now, by client and peer id.</summary>
    public IReadOnlyDictionary<(string Client, string Peer), RemotePeer> RemotePeers() =>
        Clients.SelectMany(c => c.Value.RemotePeers.Select(p => (Key: (c.Key, p.Id), Peer: p))).ToDictionary(x => x.Key, x => x.Peer);

    /// <summary>Stops the server: in process a graceful stop (going-away, 1012); a child process is killed (a crash).</summary>
    public async Task StopServerAsync()
    {
        var server = _server ?? throw new InvalidOperationException("The server is not running.");
        _server = null;
        await server.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Starts the server again on the same port, with the same settings and keys, and no memory of the call.</summary>
    public async Task StartServerAgainAsync()
    {
        if (_server is not null)
        {
            throw new InvalidOperationException("The server is running.");
        }

        _server = await _startServer(Ct).ConfigureAwait(false);
    }

    public string Timeline() => new Reconnect.Testing.Trace.TimelinePrinter().Print(Recorder.Events);

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
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<LiveCall> StartWithAsync(Func<int, CancellationToken, Task<IAsyncDisposable>> startServer)
    {
        var port = ServerProcess.FreePort();
        Task<IAsyncDisposable> Start(CancellationToken ct) => startServer(port, ct);
        return new LiveCall(port, Start, await Start(Ct).ConfigureAwait(false));
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reconnect.Transports.InMemory;

namespace Reconnect.Samples.RealCall;

/// <summary>Builds the call's clients: the real facade on a real WebSocket, media over one in-memory fabric, tokens from the server.</summary>
/// <param name="api">Where tokens come from.</param>
/// <param name="fabric">The media fabric every client shares.</param>
/// <param name="recorder">Where every client's notices go.</param>
/// <param name="loggerFactory">Where the clients log.</param>
public sealed class CallPeers(ServerApi api, RealTimeMediaFabric fabric, CallRecorder recorder, ILoggerFactory loggerFactory)
{
    /// <summary>Options for a demo on loopback: a heartbeat of a second, so a silent socket is found within a few seconds.</summary>
    public static ReconnectOptions DemoOptions { get; } = new()
    {
        Heartbeat = new() { PingInterval = TimeSpan.FromSeconds(1), LivenessTimeout = TimeSpan.FromSeconds(3), WelcomeTimeout = TimeSpan.FromSeconds(5) },
    };

    /// <summary>A client named <paramref name="name"/> that signals through <paramref name="signalUri"/> on <paramref name="channel"/>.</summary>
    /// <param name="name">The peer id, and the media host's name.</param>
    /// <param name="channel">The channel its tokens allow.</param>
    /// <param name="signalUri">The signalling endpoint (the proxy's, to break it).</param>
    /// <param name="tokenLifetimeSeconds">How long each token lives, or null for the server's default.</param>
    /// <param name="options">The client's options, <see cref="DemoOptions"/> by default.</param>
    /// <param name="tokens">The client's token provider, <see cref="Tokens"/> of the same peer and channel by default.</param>
    public ReconnectClient Create(
        string name,
        string channel,
        Uri signalUri,
        int? tokenLifetimeSeconds = null,
        ReconnectOptions? options = null,
        Func<CancellationToken, ValueTask<TokenGrant>>? tokens = null)
    {
        var transport = new WebSocketTransportFactory(
            Options.Create(new WebSocketSignallingOptions { Endpoint = signalUri, ConnectTimeout = TimeSpan.FromSeconds(3) }),
            loggerFactory,
            sink => fabric.CreatePort(name, sink));
        var client = ReconnectClient.CreateBuilder()
            .WithOptions(options ?? DemoOptions)
            .WithTransport(transport)
            .WithLoggerFactory(loggerFactory)
            .WithTokenProvider(tokens ?? Tokens(name, channel, tokenLifetimeSeconds))
            .Build();
        client.NoticeDispatched += (_, e) => recorder.Notice(name, e.Notice);
        return client;
    }

    /// <summary>
    /// A token provider that asks the server for a token for <paramref name="name"/> on <paramref name="channel"/>; its
    /// grant carries the expiry, so the client refreshes the token over the open socket ahead of it.
    /// </summary>
    public Func<CancellationToken, ValueTask<TokenGrant>> Tokens(string name, string channel, int? tokenLifetimeSeconds = null) =>
        async ct => await api.GrantAsync(name, channel, tokenLifetimeSeconds, ct).ConfigureAwait(false);
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reconnect;

/// <summary>
/// An app's use of the SDK, written with <c>using Reconnect;</c> alone (besides Microsoft.Extensions): the client over
/// the WebSocket transport with the media port the app hands over, its options, tokens, events, states, errors and
/// commands. This file compiling against the packages is the check that the app-facing API is one namespace.
/// </summary>
internal static class AppSurface
{
    public static ReconnectClient Build(Uri endpoint, Func<IEngineInputSink, IMediaPort> media, Func<CancellationToken, ValueTask<string>> token)
    {
        var transport = new WebSocketTransportFactory(
            Options.Create(new WebSocketSignallingOptions { Endpoint = endpoint, TokenPlacement = TokenPlacement.AuthorizationHeader }),
            NullLoggerFactory.Instance,
            media);
        var client = ReconnectClient.CreateBuilder()
            .WithOptions(new ReconnectOptions { Backoff = new SocketBackoffOptions() })
            .WithTransport(transport)
            .WithTokenProvider(async ct => new TokenGrant(await token(ct).ConfigureAwait(false), [new IceServer(["stun:127.0.0.1:3478"])]) { ExpiresAt = null })
            .Build();
        client.StateChanged += (_, e) => _ = e.To is LocalPeerState.Reconnecting;
        client.PeerJoined += (_, e) => e.Peer.StateChanged += (_, change) => _ = change.To is RemotePeerState.Reconnecting;
        client.StreamAdded += (_, e) => _ = e.Stream.Id;
        client.ErrorRaised += (_, e) => _ = e.Error is TerminalCloseError { Code: CloseCodes.TokenExpired } or IceRestartExhausted;
        return client;
    }

    public static Task PublishCameraAsync(ReconnectClient client, CancellationToken cancellationToken) =>
        client.PublishAsync(new StreamInfo("cam", new Dictionary<string, string> { ["kind"] = "camera" }), cancellationToken);
}

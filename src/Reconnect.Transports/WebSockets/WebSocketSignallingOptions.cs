namespace Reconnect;

/// <summary>
/// Where and how the WebSocket signalling port connects. The endpoint and headers come from here, the token from the
/// grant of each attempt; validated by <see cref="WebSocketSignallingOptionsValidator"/> when a transport is built.
/// </summary>
public sealed record WebSocketSignallingOptions
{
    /// <summary>
    /// The server's signalling endpoint, a <c>ws://</c> or <c>wss://</c> URI. Required; a token grant that names an
    /// endpoint (<c>TokenGrant.Endpoint</c>) overrides it for the sockets opened with that grant's token.
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Extra request headers sent with every upgrade request (the token's header is added by the port).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How the token of the attempt reaches the server; <see cref="TokenPlacement.AuthorizationHeader"/> by default.</summary>
    public TokenPlacement TokenPlacement { get; init; } = TokenPlacement.AuthorizationHeader;

    /// <summary>The query parameter that carries the token under <see cref="TokenPlacement.QueryString"/>.</summary>
    public string TokenQueryParameter { get; init; } = "access_token";

    /// <summary>How long a connect (TCP, TLS and the upgrade) may take before the socket closes with 1006.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the WebSocket layer sends its own keep-alive (a pong frame, or a ping with <see cref="KeepAliveTimeout"/>).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a keep-alive ping may wait for its pong before the socket aborts (1006); null sends unsolicited pongs
    /// only and leaves liveness to the engine's heartbeat, which pings as frames.
    /// </summary>
    public TimeSpan? KeepAliveTimeout { get; init; }

    /// <summary>
    /// How many frames may wait to be sent on one socket. A send that finds the queue full closes that socket with
    /// <see cref="CloseCodes.SendQueueOverflow"/>: a signalling stream with a hole in it is worse than a
    /// reconnect, whose reconcile re-reads the roster and renegotiates what was lost.
    /// </summary>
    public int SendQueueCapacity { get; init; } = 256;

    /// <summary>The largest frame accepted from the server; a larger one closes the socket with 1009 (message too big).</summary>
    public int MaxFrameBytes { get; init; } = 1024 * 1024;

    /// <summary>How long a close waits for the close handshake before the socket is aborted.</summary>
    public TimeSpan CloseHandshakeTimeout { get; init; } = TimeSpan.FromSeconds(2);
}

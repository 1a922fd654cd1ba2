using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Reconnect.Channel;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Server.Auth;
using Reconnect.Server.Hosting;

namespace Reconnect.Server.Signalling;

/// <summary>
/// The signalling WebSocket (<c>/signal</c>): reads the token (the <c>access_token</c> query parameter or an
/// <c>Authorization: Bearer</c> header), enforces the per-connection limits, waits for the join, hands the connection
/// to the loop owning the join's channel, then feeds it every frame. Every refusal is a close with its code, logged.
/// </summary>
internal sealed class SignalEndpoint(
    IOptions<ReconnectServerOptions> options,
    JwtTokens tokens,
    IChannelOwnership ownership,
    ConnectionRegistry registry,
    ConnectionLimits limits,
    TimeProvider time,
    ILogger<SignalEndpoint> logger)
{
    private const int ReceiveChunk = 4096;
    private readonly ReconnectServerOptions settings = options.Value;

    /// <summary>The path the endpoint is mapped on.</summary>
    public const string Path = "/signal";

    /// <summary>Serves one WebSocket request until its socket closes.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var token = TokenOf(context.Request);
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var check = tokens.Read(token, out var claims);
        if (!limits.ByAddress.TryAcquire(address, settings.MaxConnectionsPerAddress))
        {
            await RefuseAsync(socket, CloseCodes.OverCapacity, $"address {address} at its connection limit").ConfigureAwait(false);
            return;
        }

        try
        {
            if (check is TokenRejected rejected)
            {
                await RefuseAsync(socket, rejected.CloseCode, "token refused").ConfigureAwait(false);
                return;
            }

            await ServeAccountAsync(socket, token, claims!).ConfigureAwait(false);
        }
        finally
        {
            limits.ByAddress.Release(address);
        }
    }

    private async Task ServeAccountAsync(WebSocket socket, string token, TokenClaims claims)
    {
        if (!limits.ByAccount.TryAcquire(claims.Account, settings.MaxConnectionsPerAccount))
        {
            await RefuseAsync(socket, CloseCodes.OverCapacity, $"account {claims.Account} at its connection limit").ConfigureAwait(false);
            return;
        }

        using var connection = new SignalConnection(registry.NextId(), socket, token, claims, settings.OutboundQueueCapacity, time, settings.CloseTimeout);
        registry.Add(connection);
        try
        {
            await ServeAsync(socket, connection).ConfigureAwait(false);
        }
        finally
        {
            registry.Remove(connection);
            limits.ByAccount.Release(claims.Account);
        }
    }

    private async Task ServeAsync(WebSocket socket, SignalConnection connection)
    {
        if (registry.Stopping)
        {
            SendAway(connection);
        }

        using var joinDeadline = time.CreateTimer(
            _ =>
            {
                if (!connection.IsWelcomed)
                {
                    Refuse(connection, CloseCodes.JoinTimeout, "no accepted join in time");
                }
            },
            null,
            settings.JoinTimeout,
            Timeout.InfiniteTimeSpan);
        try
        {
            await ReceiveAsync(socket, connection).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ConnectionAbortedException or IOException)
        {
            ServerLog.SocketFailed(logger, connection.Id, ex.Message);
        }
        finally
        {
            connection.Close(CloseCodes.Normal, "closed");
            connection.Loop?.Post(new ConnectionClosed(connection.Id));
            await connection.Writer.ConfigureAwait(false);
        }
    }

    /// <summary>Reads frames until the client closes or the socket ends; after a refusal, reads only to finish the close handshake.</summary>
    private async Task ReceiveAsync(WebSocket socket, SignalConnection connection)
    {
        var rate = new FrameRate(settings.MaxFramesPerSecond, settings.MaxFrameBurst, time);
        var frame = new ArrayBufferWriter<byte>(ReceiveChunk);
        var chunk = new byte[ReceiveChunk];
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (connection.IsClosing)
            {
                continue;
            }

            if (result.MessageType == WebSocketMessageType.Binary)
            {
                Refuse(connection, CloseCodes.ProtocolViolation, "binary frame");
                continue;
            }

            if (frame.WrittenCount + result.Count > settings.MaxFrameBytes)
            {
                Refuse(connection, CloseCodes.FrameTooLarge, $"frame over {settings.MaxFrameBytes} bytes");
                continue;
            }

            frame.Write(chunk.AsSpan(0, result.Count));
            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(frame.WrittenSpan);
            frame.ResetWrittenCount();
            if (!rate.Allow())
            {
                Refuse(connection, CloseCodes.RateLimited, $"over its frame budget ({settings.MaxFrameBurst} at once, {settings.MaxFramesPerSecond} a second)");
            }
            else if (connection.Loop is { } loop)
            {
                loop.Post(new Reconnect.Channel.ClientFrameReceived(connection.Id, text));
            }
            else
            {
                Join(connection, text);
            }
        }
    }

    /// <summary>The first frame must be a join: it names the channel, hence the loop that owns the connection from now on.</summary>
    private void Join(SignalConnection connection, string text)
    {
        if (!ProtocolCodec.TryDecodeClientMessage(text, out var message, out _) || message is not JoinMessage join || join.Channel is not { Length: > 0 })
        {
            Refuse(connection, CloseCodes.ProtocolViolation, "first frame is not a join");
            return;
        }

        var joinFrame = connection.Claims.Metadata.Count == 0
            ? text
            : ProtocolCodec.Encode(join with { Metadata = WithAsserted(join.Metadata, connection.Claims.Metadata) });
        var loop = ownership.OwnerOf(join.Channel);
        connection.Channel = join.Channel;
        connection.Loop = loop;
        loop.Attach(connection, joinFrame);
    }

    /// <summary>Sends a connection away because the server is stopping: going-away with the retry hint, then 1012.</summary>
    public void SendAway(SignalConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.TrySend(ProtocolCodec.Encode(new GoingAwayMessage(RetryHintMs())));
        connection.Close(CloseCodes.ServiceRestart, CloseCodePolicy.Classify(CloseCodes.ServiceRestart).Name);
    }

    /// <summary>The retry hint a stopping server gives, in milliseconds.</summary>
    public int RetryHintMs() => (int)Math.Min(settings.ShutdownRetryHint.TotalMilliseconds, settings.SilenceGrace.TotalMilliseconds / 2);

    private void Refuse(SignalConnection connection, int code, string why)
    {
        if (connection.Close(code, CloseCodePolicy.Classify(code).Name))
        {
            ServerLog.Refused(logger, connection.Id, code, why);
        }
    }

    /// <summary>Refuses a socket that never became a connection, waiting at most the close timeout for the handshake.</summary>
    private async Task RefuseAsync(WebSocket socket, int code, string why)
    {
        ServerLog.Refused(logger, 0, code, why);
        using var timeout = new CancellationTokenSource(settings.CloseTimeout, time);
        try
        {
            await socket.CloseAsync((WebSocketCloseStatus)code, CloseCodePolicy.Classify(code).Name, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            socket.Abort();
        }
    }

    private static Dictionary<string, string> WithAsserted(IReadOnlyDictionary<string, string>? claimed, IReadOnlyDictionary<string, string> asserted)
    {
        var merged = claimed is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(claimed, StringComparer.Ordinal);
        foreach (var (key, value) in asserted)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static string TokenOf(HttpRequest request)
    {
        if (request.Query.TryGetValue("access_token", out var query) && query.ToString() is { Length: > 0 } fromQuery)
        {
            return fromQuery;
        }

        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : string.Empty;
    }
}

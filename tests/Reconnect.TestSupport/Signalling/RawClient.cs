using System.Net.WebSockets;
using System.Text;
using Reconnect.Core.Protocol;

namespace Reconnect.TestSupport.Signalling;

/// <summary>A raw <see cref="ClientWebSocket"/> speaking the protocol by hand (or not: any text or bytes); every wait is bounded.</summary>
public sealed class RawClient : IDisposable
{
    /// <summary>How long any one step may take.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket socket;

    private RawClient(ClientWebSocket socket) => this.socket = socket;

    /// <summary>Opens a socket to <paramref name="uri"/>, with <paramref name="token"/> as the <c>access_token</c> when given.</summary>
    public static async Task<RawClient> ConnectAsync(Uri uri, string? token)
    {
        var socket = new ClientWebSocket();
        var target = token is null ? uri : new Uri($"{uri}?access_token={Uri.EscapeDataString(token)}");
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(target, timeout.Token);
        return new RawClient(socket);
    }

    /// <summary>Sends a join for a new session.</summary>
    public Task SendJoinAsync(string channel, string peerId) =>
        SendAsync(new JoinMessage(channel, peerId, new Dictionary<string, string>(), [], null));

    /// <summary>Sends a message in the protocol's encoding.</summary>
    public Task SendAsync(ClientMessage message) => SendTextAsync(ProtocolCodec.Encode(message));

    /// <summary>Sends one text frame as it is.</summary>
    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Sends one binary frame.</summary>
    public async Task SendBinaryAsync(byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await socket.SendAsync(bytes, WebSocketMessageType.Binary, true, timeout.Token);
    }

    /// <summary>The next message, or null when the server closed the socket instead.</summary>
    public async Task<ServerMessage?> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            frame.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var text = Encoding.UTF8.GetString(frame.ToArray());
                return ProtocolCodec.TryDecodeServerMessage(text, out var message, out var error)
                    ? message
                    : throw new InvalidDataException($"The server sent a frame the codec refuses ({error}): {text}");
            }
        }
    }

    /// <summary>Reads until a message of type <typeparamref name="T"/>, skipping others; fails on a close.</summary>
    public async Task<T> ExpectAsync<T>()
        where T : ServerMessage
    {
        while (true)
        {
            switch (await NextAsync())
            {
                case T wanted:
                    return wanted;
                case null:
                    throw new InvalidOperationException($"closed with {socket.CloseStatus} {socket.CloseStatusDescription} while waiting for {typeof(T).Name}");
                default:
                    break;
            }
        }
    }

    /// <summary>Reads until the server closes, collecting the messages before; returns the close code.</summary>
    public async Task<(int Code, IReadOnlyList<ServerMessage> Before)> ClosedAsync()
    {
        var before = new List<ServerMessage>();
        while (await NextAsync() is { } message)
        {
            before.Add(message);
        }

        return ((int)socket.CloseStatus!.Value, before);
    }

    /// <summary>True when a ping still gets its pong: the connection is healthy.</summary>
    public async Task<bool> AnswersPingAsync(long sequence)
    {
        await SendAsync(new PingMessage(sequence));
        return (await ExpectAsync<PongMessage>()).Sequence == sequence;
    }

    /// <inheritdoc />
    public void Dispose() => socket.Dispose();
}

using System.Net.WebSockets;
using System.Text;
using Reconnect.Core.Protocol;

namespace Reconnect.Server.Tests.Fuzz;

/// <summary>
/// A client socket for fuzzing: one reader task decodes every server frame (a frame the codec rejects is a problem) and
/// notes the server's close; the caller is the only sender, and finishes the close handshake itself.
/// </summary>
internal sealed class FuzzSocket : IDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly TaskCompletionSource<int> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<ServerMessage> received;
    private readonly Action<string> problem;
    private Task reader = Task.CompletedTask;

    /// <summary>The ending of a socket that dropped without a close frame, or whose close handshake was cut.</summary>
    public const int Dropped = -1;

    private FuzzSocket(Action<ServerMessage> received, Action<string> problem)
    {
        this.received = received;
        this.problem = problem;
    }

    /// <summary>The close code the server sent, once it closed; <see cref="Dropped"/> when the socket dropped without a close frame or handshake.</summary>
    public Task<int> Ended => ended.Task;

    /// <summary>Connects with a token and starts reading.</summary>
    public static async Task<FuzzSocket> ConnectAsync(Uri signal, string token, Action<ServerMessage> received, Action<string> problem, CancellationToken cancel)
    {
        var fuzz = new FuzzSocket(received, problem);
        await fuzz.socket.ConnectAsync(new Uri($"{signal}?access_token={Uri.EscapeDataString(token)}"), cancel).ConfigureAwait(false);
        fuzz.reader = fuzz.ReadAsync(cancel);
        return fuzz;
    }

    /// <summary>Sends a frame; false once the server closed or the socket failed.</summary>
    public async Task<bool> SendAsync(FuzzFrame frame, CancellationToken cancel)
    {
        if (Ended.IsCompleted || socket.State != WebSocketState.Open)
        {
            return false;
        }

        try
        {
            await socket.SendAsync(frame.Bytes, frame.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, cancel).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException || (ex is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>Closes (or acknowledges the server's close) and returns the server's close code, waiting at most <paramref name="patience"/>.</summary>
    public async Task<int> CloseAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "fuzz done", timeout.Token).ConfigureAwait(false);
            }

            await reader.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            ended.TrySetResult(Dropped);
        }

        return await Ended.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => socket.Dispose();

    private async Task ReadAsync(CancellationToken cancel)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancel).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ended.TrySetResult((int?)socket.CloseStatus ?? Dropped);
                    return;
                }

                frame.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var text = Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length);
                    frame.SetLength(0);
                    if (ProtocolCodec.TryDecodeServerMessage(text, out var message, out var error))
                    {
                        received(message);
                    }
                    else
                    {
                        problem($"the server sent a frame its codec rejects ({error}): {text}");
                    }
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            ended.TrySetResult(Dropped);
        }
    }
}

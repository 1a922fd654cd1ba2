using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Reconnect.Server.Auth;
using Reconnect.Server.Hosting;

namespace Reconnect.Server.Signalling;

/// <summary>
/// One client's WebSocket as the channel loop sees it: a bounded outbound queue drained by one writer task (a
/// <see cref="WebSocket"/> allows one send at a time), and one close that wins. A close sends the queued frames
/// (or drops them, for a slow consumer), then the close frame; a handshake not done within the close timeout aborts
/// the socket, so a half-open client never holds anything.
/// </summary>
internal sealed class SignalConnection : IDisposable
{
    private readonly WebSocket socket;
    private readonly TimeProvider time;
    private readonly TimeSpan closeTimeout;
    private readonly Channel<string> outbound;
    private readonly CancellationTokenSource abort = new();
    private (int Code, string Reason)? closing;
    private bool discardQueued;
    private int closeRequested;
    private int welcomed;
    private ITimer? closeWatchdog;
    private ITimer? tokenExpiry;
    private TokenClaims claims;
    private volatile ChannelLoop? loop;

    /// <summary>Wraps an accepted socket whose token was read.</summary>
    public SignalConnection(long id, WebSocket socket, string token, TokenClaims claims, int queueCapacity, TimeProvider time, TimeSpan closeTimeout)
    {
        Id = id;
        this.socket = socket;
        Token = token;
        this.claims = claims;
        this.time = time;
        this.closeTimeout = closeTimeout;
        outbound = System.Threading.Channels.Channel.CreateBounded<string>(new BoundedChannelOptions(queueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        Writer = Task.Run(WriteAsync);
    }

    /// <summary>The connection's id, unique over the process's life.</summary>
    public long Id { get; }

    /// <summary>The token the client presented, or the fresh one it handed over since.</summary>
    public string Token { get; private set; }

    /// <summary>What the token grants.</summary>
    public TokenClaims Claims
    {
        get => Volatile.Read(ref claims);
        private set => Volatile.Write(ref claims, value);
    }

    /// <summary>The peer id the channel logic welcomed, or null before the welcome.</summary>
    public string? PeerId { get; private set; }

    /// <summary>The loop the connection was handed to once it joined, or null before.</summary>
    public ChannelLoop? Loop
    {
        get => loop;
        set => loop = value;
    }

    /// <summary>The channel the connection's join named, or null before the join.</summary>
    public string? Channel { get; set; }

    /// <summary>The writer task; it ends once the close frame is sent or the socket is aborted.</summary>
    public Task Writer { get; }

    /// <summary>True once a close was requested.</summary>
    public bool IsClosing => Volatile.Read(ref closeRequested) != 0;

    /// <summary>True once the channel logic welcomed the connection's join: a session now owns it.</summary>
    public bool IsWelcomed => Volatile.Read(ref welcomed) != 0;

    /// <summary>Notes that the channel logic welcomed the connection's join as a peer.</summary>
    public void MarkWelcomed(string peerId)
    {
        PeerId = peerId;
        Volatile.Write(ref welcomed, 1);
    }

    /// <summary>Queues a frame; false when the connection is closing or its queue is full (never blocks).</summary>
    public bool TrySend(string frame) => !IsClosing && outbound.Writer.TryWrite(frame);

    /// <summary>Closes with a code once; later calls do nothing. True for the call that decided the close.</summary>
    public bool Close(int code, string reason, bool discardQueued = false)
    {
        if (Interlocked.Exchange(ref closeRequested, 1) != 0)
        {
            return false;
        }

        closing = (code, reason);
        this.discardQueued = discardQueued;
        closeWatchdog = time.CreateTimer(_ => Abort(), null, closeTimeout, Timeout.InfiniteTimeSpan);
        outbound.Writer.TryComplete();
        return true;
    }

    /// <summary>Posts <paramref name="expired"/> when the token expires while the connection is open.</summary>
    public void ArmTokenExpiry(Action expired)
    {
        var armedFor = Claims;
        var due = armedFor.Expires - time.GetUtcNow();
        tokenExpiry?.Dispose();
        tokenExpiry = time.CreateTimer(
            _ =>
            {
                if (ReferenceEquals(Volatile.Read(ref claims), armedFor))
                {
                    expired();
                }
            },
            null,
            due > TimeSpan.Zero ? due : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>Takes a fresh token handed over on the open connection: the old token's expiry no longer applies, the new one's does.</summary>
    public void Renew(string token, TokenClaims fresh, Action expired)
    {
        Token = token;
        Claims = fresh;
        ArmTokenExpiry(expired);
    }

    /// <summary>Tears the socket down without a handshake.</summary>
    public void Abort()
    {
        socket.Abort();
        try
        {
            abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection already ended; nothing is left to cancel.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        closeWatchdog?.Dispose();
        tokenExpiry?.Dispose();
        abort.Dispose();
    }

    private async Task WriteAsync()
    {
        try
        {
            await foreach (var frame in outbound.Reader.ReadAllAsync(abort.Token).ConfigureAwait(false))
            {
                if (discardQueued)
                {
                    break;
                }

                await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, abort.Token).ConfigureAwait(false);
            }

            if (closing is { } close && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)close.Code, close.Reason, abort.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }
}

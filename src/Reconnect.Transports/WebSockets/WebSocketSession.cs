using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Reconnect.Core.Engine;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Hosting;

namespace Reconnect;

/// <summary>
/// The one socket of one epoch: connects, reads frames, writes the frames of its bounded send queue one at a time,
/// and reports exactly one end (a close or an unreachable network), every input tagged with its own epoch.
/// </summary>
internal sealed class WebSocketSession
{
    private const int ReceiveChunkBytes = 16 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly Channel<string> _outbox;
    private readonly CancellationTokenSource _connectAbort = new();
    private readonly TaskCompletionSource<bool> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WebSocketSignallingOptions _options;
    private readonly IEngineInputSink _sink;
    private readonly ILogger _logger;
    private readonly Lock _closeGate = new();
    private Task _sending = Task.CompletedTask;
    private Task? _closing;
    private Uri _target = new("ws://unknown/");
    private int _ended;

    public WebSocketSession(long epoch, WebSocketSignallingOptions options, IEngineInputSink sink, ILogger logger)
    {
        Epoch = epoch;
        _options = options;
        _sink = sink;
        _logger = logger;
        // In the browser a queued frame is handed to the WebSocket at once, on the sender's stack: a continuation queued
        // for later never runs once the page unloads, and the leave of a page that closes as it unloads must still go.
        _outbox = Channel.CreateBounded<string>(
            new BoundedChannelOptions(options.SendQueueCapacity) { SingleReader = true, AllowSynchronousContinuations = OperatingSystem.IsBrowser() });
        if (!OperatingSystem.IsBrowser())
        {
            // The browser's WebSocket keeps itself alive and has no such settings; the engine's heartbeat covers liveness there.
            _socket.Options.KeepAliveInterval = options.KeepAliveInterval;
            _socket.Options.KeepAliveTimeout = options.KeepAliveTimeout ?? Timeout.InfiniteTimeSpan;
        }
    }

    /// <summary>The epoch every input of this socket carries.</summary>
    public long Epoch { get; }

    /// <summary>Completes when the socket has ended and its loops have stopped.</summary>
    public Task Lifetime { get; private set; } = Task.CompletedTask;

    /// <summary>True once the socket has ended and any close of it has finished.</summary>
    public bool IsFinished => Lifetime.IsCompleted && (_closing is null || _closing.IsCompleted);

    /// <summary>
    /// Connects with the token of the attempt, by the grant's route where it names one (its endpoint, its headers over
    /// the configured ones) and the configuration otherwise, and runs the socket until it ends.
    /// </summary>
    public void Start(string token, SignallingRoute? route)
    {
        var target = route?.Endpoint ?? _options.Endpoint!;
        _target = target;
        var endpoint = target;
        foreach (var (name, value) in _options.Headers.Where(h => route?.Headers.ContainsKey(h.Key) != true).Concat(route?.Headers ?? new Dictionary<string, string>()))
        {
            _socket.Options.SetRequestHeader(name, value);
        }

        if (_options.TokenPlacement == TokenPlacement.AuthorizationHeader)
        {
            _socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        }
        else
        {
            var query = $"{Uri.EscapeDataString(_options.TokenQueryParameter)}={Uri.EscapeDataString(token)}";
            endpoint = new UriBuilder(endpoint) { Query = endpoint.Query.Length > 1 ? $"{endpoint.Query[1..]}&{query}" : query }.Uri;
        }

        WebSocketLog.Connecting(_logger, Epoch, target);
        Lifetime = RunAsync(endpoint);
    }

    /// <summary>Queues a frame; a full queue closes the socket with <see cref="CloseCodes.SendQueueOverflow"/>.</summary>
    public void Send(string frame)
    {
        if (_outbox.Writer.TryWrite(frame))
        {
            return;
        }

        if (Volatile.Read(ref _ended) != 0 || _closing is not null)
        {
            WebSocketLog.FrameDropped(_logger, Epoch);
            return;
        }

        WebSocketLog.SendQueueOverflow(_logger, Epoch, _options.SendQueueCapacity, CloseCodes.SendQueueOverflow);
        End(new SocketClosed(Epoch, CloseCodes.SendQueueOverflow, "send queue overflow"));
        _socket.Abort();
    }

    /// <summary>
    /// Closes the socket: the queued frames are sent first for at most <paramref name="flushWithin"/>, then the close
    /// frame goes within the close handshake timeout, then the socket is aborted if it still stands. Idempotent: a
    /// second call returns the close under way.
    /// </summary>
    public Task CloseAsync(int code, string reason, TimeSpan flushWithin)
    {
        lock (_closeGate)
        {
            return _closing ??= CloseCoreAsync(code, reason, flushWithin);
        }
    }

    private async Task CloseCoreAsync(int code, string reason, TimeSpan flushWithin)
    {
        _outbox.Writer.TryComplete();
        if (Lifetime.IsCompleted)
        {
            return;
        }

        await _connectAbort.CancelAsync().ConfigureAwait(false);
        if (await _connected.Task.ConfigureAwait(false))
        {
            if (flushWithin > TimeSpan.Zero)
            {
                await Quietly(() => _sending.WaitAsync(flushWithin)).ConfigureAwait(false);
            }

            using var bound = new CancellationTokenSource(_options.CloseHandshakeTimeout);
            await Quietly(() => _socket.CloseOutputAsync(CloseFrames.Sendable(code), CloseFrames.Reason(reason), bound.Token)).ConfigureAwait(false);
            await Quietly(() => Lifetime.WaitAsync(_options.CloseHandshakeTimeout)).ConfigureAwait(false);
        }

        _socket.Abort();
        await Lifetime.ConfigureAwait(false);
    }

    private async Task RunAsync(Uri endpoint)
    {
        try
        {
            await ConnectAsync(endpoint).ConfigureAwait(false);
            _sending = SendLoopAsync();
            _connected.TrySetResult(true);
            _sink.Post(new SocketOpened(Epoch));
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every socket failure is an input for the engine, never an exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            WebSocketLog.Failed(_logger, Epoch, ex);
            End(SocketFailures.ToInput(Epoch, ex, _target));
        }
        finally
        {
            _connected.TrySetResult(false);
            _outbox.Writer.TryComplete();
            _socket.Abort();
            await _sending.ConfigureAwait(false);
            _socket.Dispose();
        }
    }

    private async Task ConnectAsync(Uri endpoint)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_connectAbort.Token);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            await _socket.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (timeout.IsCancellationRequested)
        {
            var why = _connectAbort.IsCancellationRequested ? "closed while connecting" : "connect timed out";
            throw new WebSocketException(WebSocketError.Faulted, why, ex);
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                await _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // A failed send ends the socket; the engine learns it as an input.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            WebSocketLog.Failed(_logger, Epoch, ex);
            End(SocketFailures.ToInput(Epoch, ex, _target));
            _socket.Abort();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var chunk = new byte[ReceiveChunkBytes];
        var message = new ArrayBufferWriter<byte>();
        while (true)
        {
            var received = await _socket.ReceiveAsync(chunk.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                var code = (int?)_socket.CloseStatus ?? (int)WebSocketCloseStatus.Empty;
                End(new SocketClosed(Epoch, code, _socket.CloseStatusDescription ?? string.Empty));
                await AnswerCloseAsync(CloseFrames.Sendable(code), string.Empty).ConfigureAwait(false);
                return;
            }

            if (message.WrittenCount + received.Count > _options.MaxFrameBytes)
            {
                WebSocketLog.FrameTooBig(_logger, Epoch, _options.MaxFrameBytes, (int)WebSocketCloseStatus.MessageTooBig);
                End(new SocketClosed(Epoch, (int)WebSocketCloseStatus.MessageTooBig, "frame too big"));
                await AnswerCloseAsync(WebSocketCloseStatus.MessageTooBig, "frame too big").ConfigureAwait(false);
                return;
            }

            message.Write(chunk.AsSpan(0, received.Count));
            if (received.EndOfMessage)
            {
                if (Volatile.Read(ref _ended) == 0)
                {
                    _sink.Post(new FrameReceived(Epoch, Encoding.UTF8.GetString(message.WrittenSpan)));
                }

                message.ResetWrittenCount();
            }
        }
    }

    private async Task AnswerCloseAsync(WebSocketCloseStatus status, string reason)
    {
        using var bound = new CancellationTokenSource(_options.CloseHandshakeTimeout);
        await Quietly(() => _socket.CloseOutputAsync(status, reason, bound.Token)).ConfigureAwait(false);
    }

    private void End(EngineInput input)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            WebSocketLog.Ended(_logger, Epoch, input.ToString());
            _outbox.Writer.TryComplete();
            _sink.Post(input);
        }
    }

    private static async Task Quietly(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A close that fails or times out ends in an abort anyway.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}

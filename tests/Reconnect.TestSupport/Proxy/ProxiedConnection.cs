using System.Net.Sockets;
using System.Threading.Channels;

namespace Reconnect.TestSupport.Proxy;

/// <summary>
/// One client connection through a <see cref="FaultProxy"/> and its upstream twin. Follows the proxy's fault unless
/// given its own. Counts the bytes the proxy took in and handed on in each direction.
/// </summary>
public sealed class ProxiedConnection
{
    private const int ChunkBytes = 16 * 1024;

    private readonly Socket _client;
    private readonly Socket _server;
    private readonly FaultSignal _proxySignal;
    private readonly Func<ProxyFault> _proxyFault;
    private readonly FaultSignal _signal = new();
    private readonly CancellationTokenSource _cut = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private ProxyFault? _fault;
    private int _halfClosed;
    private long _fromClient;
    private long _toServer;
    private long _fromServer;
    private long _toClient;

    internal ProxiedConnection(int id, Socket client, Socket server, FaultSignal proxySignal, Func<ProxyFault> proxyFault)
    {
        Id = id;
        _client = client;
        _server = server;
        _proxySignal = proxySignal;
        _proxyFault = proxyFault;
    }

    /// <summary>The connection's number, from 0 in the order the proxy accepted them.</summary>
    public int Id { get; }

    /// <summary>This connection's own fault, or null to follow the proxy's. Setting a cut cuts it at once.</summary>
    public ProxyFault? Fault
    {
        get => Volatile.Read(ref _fault);
        set
        {
            Volatile.Write(ref _fault, value);
            _signal.Pulse();
            ApplyCut();
        }
    }

    /// <summary>The fault in force: this connection's own, else the proxy's.</summary>
    public ProxyFault EffectiveFault => Fault ?? _proxyFault();

    /// <summary>Bytes the proxy read from the client.</summary>
    public long BytesFromClient => Interlocked.Read(ref _fromClient);

    /// <summary>Bytes the proxy wrote to the server.</summary>
    public long BytesToServer => Interlocked.Read(ref _toServer);

    /// <summary>Bytes the proxy read from the server.</summary>
    public long BytesFromServer => Interlocked.Read(ref _fromServer);

    /// <summary>Bytes the proxy wrote to the client.</summary>
    public long BytesToClient => Interlocked.Read(ref _toClient);

    /// <summary>Completes when both sides are closed, by a cut or by the peers.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Completes when both directions have stopped.</summary>
    internal Task Pumps { get; private set; } = Task.CompletedTask;

    /// <summary>Cuts the connection on both sides now.</summary>
    public void Cut(CutStyle style)
    {
        lock (_gate)
        {
            if (_closed.Task.IsCompleted)
            {
                return;
            }

            foreach (var socket in (Socket[])[_client, _server])
            {
                CloseSocket(socket, style);
            }

            _cut.Cancel();
            _closed.TrySetResult();
        }
    }

    internal void Start()
    {
        Pumps = Task.WhenAll(
            Pump(_client, _server, b => Interlocked.Add(ref _fromClient, b), b => Interlocked.Add(ref _toServer, b)),
            Pump(_server, _client, b => Interlocked.Add(ref _fromServer, b), b => Interlocked.Add(ref _toClient, b)));
        ApplyCut();
    }

    internal void ApplyCut()
    {
        if (EffectiveFault is CutFault cut)
        {
            Cut(cut.Style);
        }
    }

    internal void ProxyFaultChanged()
    {
        _signal.Pulse();
        ApplyCut();
    }

    private static void CloseSocket(Socket socket, CutStyle style)
    {
        try
        {
            if (style == CutStyle.Reset)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            else
            {
                socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        socket.Close();
    }

    private Task Pump(Socket from, Socket to, Action<long> received, Action<long> forwarded)
    {
        var chunks = Channel.CreateUnbounded<Chunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        return Task.WhenAll(ReadAsync(from, chunks.Writer, received), WriteAsync(chunks.Reader, to, forwarded));
    }

    private async Task ReadAsync(Socket from, ChannelWriter<Chunk> chunks, Action<long> received)
    {
        var buffer = new byte[ChunkBytes];
        try
        {
            while (true)
            {
                var count = await from.ReceiveAsync(buffer, SocketFlags.None, _cut.Token).ConfigureAwait(false);
                if (count == 0)
                {
                    chunks.TryWrite(Chunk.End(ChunkKind.Fin));
                    return;
                }

                received(count);
                chunks.TryWrite(new Chunk(ChunkKind.Data, buffer[..count], TimeProvider.System.GetTimestamp()));
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            chunks.TryWrite(Chunk.End(ChunkKind.Reset));
        }
    }

    private async Task WriteAsync(ChannelReader<Chunk> chunks, Socket to, Action<long> forwarded)
    {
        try
        {
            await foreach (var chunk in chunks.ReadAllAsync(_cut.Token).ConfigureAwait(false))
            {
                if (!await ForwardAsync(chunk, to, forwarded).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Cut(CutStyle.Reset);
        }
    }

    /// <summary>Hands one chunk on once the fault allows; false when the direction has ended.</summary>
    private async Task<bool> ForwardAsync(Chunk chunk, Socket to, Action<long> forwarded)
    {
        while (EffectiveFault is BlackholeFault)
        {
            await Task.WhenAny(_signal.Next, _proxySignal.Next).WaitAsync(_cut.Token).ConfigureAwait(false);
        }

        switch (chunk.Kind)
        {
            case ChunkKind.Reset:
                Cut(CutStyle.Reset);
                return false;
            case ChunkKind.Fin:
                to.Shutdown(SocketShutdown.Send);
                if (Interlocked.Increment(ref _halfClosed) == 2)
                {
                    Cut(CutStyle.Fin);
                }

                return false;
            default:
                await SendShapedAsync(chunk, to, forwarded).ConfigureAwait(false);
                return true;
        }
    }

    private async Task SendShapedAsync(Chunk chunk, Socket to, Action<long> forwarded)
    {
        switch (EffectiveFault)
        {
            case DelayFault delay:
                // A timer may fire a little early: wait again until the latency has truly passed.
                for (var wait = delay.Latency - TimeProvider.System.GetElapsedTime(chunk.ReceivedAt); wait > TimeSpan.Zero;
                     wait = delay.Latency - TimeProvider.System.GetElapsedTime(chunk.ReceivedAt))
                {
                    await Task.Delay(wait, _cut.Token).ConfigureAwait(false);
                }

                break;
            case ThrottleFault throttle:
                var piece = (int)Math.Clamp(throttle.BytesPerSecond / 10, 1, ChunkBytes);
                for (var offset = 0; offset < chunk.Data.Length; offset += piece)
                {
                    var slice = chunk.Data.AsMemory(offset, Math.Min(piece, chunk.Data.Length - offset));
                    await Task.Delay(TimeSpan.FromSeconds((double)slice.Length / throttle.BytesPerSecond), _cut.Token).ConfigureAwait(false);
                    await SendAllAsync(to, slice, forwarded).ConfigureAwait(false);
                }

                return;
            default:
                break;
        }

        await SendAllAsync(to, chunk.Data, forwarded).ConfigureAwait(false);
    }

    private async Task SendAllAsync(Socket to, ReadOnlyMemory<byte> data, Action<long> forwarded)
    {
        while (!data.IsEmpty)
        {
            var sent = await to.SendAsync(data, SocketFlags.None, _cut.Token).ConfigureAwait(false);
            forwarded(sent);
            data = data[sent..];
        }
    }

    private enum ChunkKind
    {
        Data,
        Fin,
        Reset,
    }

    private readonly record struct Chunk(ChunkKind Kind, byte[] Data, long ReceivedAt)
    {
        public static Chunk End(ChunkKind kind) => new(kind, [], TimeProvider.System.GetTimestamp());
    }
}

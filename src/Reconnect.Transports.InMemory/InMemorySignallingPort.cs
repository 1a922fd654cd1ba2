using Reconnect.Core.Engine;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Hosting;

namespace Reconnect.Transports.InMemory;

/// <summary>The client side of an in-memory signalling socket: one socket per epoch, over the fabric.</summary>
public sealed class InMemorySignallingPort : ISignallingPort
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly IInMemoryFabric _fabric;
    private readonly InMemorySignallingServer _server;
    private readonly IEngineInputSink _sink;
    private long _epoch;
    private long? _connection;
    private bool _open;
    private ITimer? _connectTimer;

    /// <summary>Creates the port for a host.</summary>
    public InMemorySignallingPort(IInMemoryFabric fabric, string host, InMemorySignallingServer server, IEngineInputSink sink)
    {
        ArgumentNullException.ThrowIfNull(fabric);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(sink);
        _fabric = fabric;
        Host = host;
        _server = server;
        _sink = sink;
    }

    /// <summary>The host the port lives on.</summary>
    public string Host { get; }

    /// <summary>The epoch of the latest socket.</summary>
    public long Epoch => _epoch;

    /// <summary>True while the socket of the current epoch is open.</summary>
    public bool IsOpen => _open;

    /// <inheritdoc />
    public void Open(long epoch, string token, SignallingRoute? route)
    {
        Abandon();
        _epoch = epoch;
        _open = true;
        if (!_fabric.IsOnline(Host))
        {
            Unreachable(epoch);
            return;
        }

        _fabric.SendOnSocket(Host, _server.Host, epoch, () => _server.Accept(this, epoch, token));
        _connectTimer = _fabric.Time.CreateTimer(
            _ =>
            {
                if (_epoch == epoch && _open && _connection is null)
                {
                    Fail(epoch, CloseCodes.Abnormal, "connect timed out");
                }
            },
            null,
            ConnectTimeout,
            Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public void Send(long epoch, string frame)
    {
        if (epoch != _epoch || !_open || _connection is not { } connection)
        {
            return;
        }

        if (!_fabric.IsOnline(Host))
        {
            Unreachable(epoch);
            return;
        }

        _fabric.SendOnSocket(Host, _server.Host, epoch, () => _server.Receive(connection, frame));
    }

    /// <inheritdoc />
    public void Close(long epoch, int code, string reason)
    {
        if (epoch != _epoch || !_open)
        {
            return;
        }

        var connection = _connection;
        Abandon();
        if (connection is { } c)
        {
            _fabric.SendOnSocket(Host, _server.Host, epoch, () => _server.ClientClosed(c));
        }
    }

    /// <summary>The host lost its network: the open socket fails at once on this side (the server sees nothing).</summary>
    public void NetworkLost()
    {
        if (_open)
        {
            Unreachable(_epoch);
        }
    }

    /// <summary>The path to the server broke while the host kept its network: the socket resets (the server sees nothing).</summary>
    public void ConnectionReset()
    {
        if (_open)
        {
            Fail(_epoch, CloseCodes.Abnormal, "connection reset");
        }
    }

    internal void OnOpened(long epoch, long connection)
    {
        if (epoch == _epoch && _open)
        {
            _connection = connection;
            DisposeConnectTimer();
            _sink.Post(new SocketOpened(epoch));
        }
        else
        {
            _fabric.SendOnSocket(Host, _server.Host, epoch, () => _server.ClientClosed(connection));
        }
    }

    internal void OnFrame(long epoch, string frame)
    {
        if (epoch == _epoch && _open)
        {
            _sink.Post(new FrameReceived(epoch, frame));
        }
    }

    internal void OnClosed(long epoch, int code, string reason)
    {
        if (epoch == _epoch && _open)
        {
            Fail(epoch, code, reason);
        }
    }

    private void Fail(long epoch, int code, string reason)
    {
        Abandon();
        _sink.Post(new SocketClosed(epoch, code, reason));
    }

    private void Unreachable(long epoch)
    {
        Abandon();
        _sink.Post(new SignallingUnreachable(epoch, "network unreachable"));
    }

    private void Abandon()
    {
        _open = false;
        _connection = null;
        DisposeConnectTimer();
    }

    private void DisposeConnectTimer()
    {
        _connectTimer?.Dispose();
        _connectTimer = null;
    }
}

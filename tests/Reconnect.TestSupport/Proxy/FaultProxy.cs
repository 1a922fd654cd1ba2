using System.Net;
using System.Net.Sockets;

namespace Reconnect.TestSupport.Proxy;

/// <summary>
/// A TCP proxy for tests that breaks connections on purpose: it listens on a loopback port of its own (port 0) and
/// forwards each connection to a target, applying a <see cref="ProxyFault"/> globally (<see cref="Fault"/>) or per
/// connection (<see cref="ProxiedConnection.Fault"/>): pass, cut (RST or FIN), blackhole, delay, throttle. Fully
/// asynchronous: no thread is blocked. Disposing stops listening and resets every connection.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly EndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly FaultSignal _signal = new();
    private readonly FaultSignal _accepted = new();
    private readonly Lock _gate = new();
    private readonly List<ProxiedConnection> _connections = [];
    private readonly Task _accepting;
    private ProxyFault _fault = ProxyFault.Pass;

    /// <summary>Starts a proxy to <paramref name="target"/>.</summary>
    public FaultProxy(EndPoint target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>Where clients connect: a loopback address and the port the proxy was given.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>The fault for every connection that has none of its own; setting a cut cuts them at once.</summary>
    public ProxyFault Fault
    {
        get => Volatile.Read(ref _fault);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Volatile.Write(ref _fault, value);
            _signal.Pulse();
            foreach (var connection in Connections)
            {
                connection.ProxyFaultChanged();
            }
        }
    }

    /// <summary>Every connection accepted so far, in order, open or closed.</summary>
    public IReadOnlyList<ProxiedConnection> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    /// <summary>Cuts every open connection now; later connections follow <see cref="Fault"/> as before.</summary>
    public void CutAll(CutStyle style)
    {
        foreach (var connection in Connections)
        {
            connection.Cut(style);
        }
    }

    /// <summary>Waits until the connection with number <paramref name="id"/> (from 0) has been accepted.</summary>
    public async Task<ProxiedConnection> ConnectionAsync(int id, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        while (true)
        {
            var next = _accepted.Next;
            lock (_gate)
            {
                if (id < _connections.Count)
                {
                    return _connections[id];
                }
            }

            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops listening and resets every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        CutAll(CutStyle.Reset);
        await Task.WhenAll(Connections.Select(c => c.Pumps)).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ConnectUpstreamAsync(client);
        }
    }

    private async Task ConnectUpstreamAsync(Socket client)
    {
        var server = new Socket(_target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await server.ConnectAsync(_target, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            client.LingerState = new LingerOption(true, 0);
            client.Close();
            server.Dispose();
            return;
        }

        ProxiedConnection connection;
        lock (_gate)
        {
            connection = new ProxiedConnection(_connections.Count, client, server, _signal, () => Fault);
            _connections.Add(connection);
        }

        connection.Start();
        _accepted.Pulse();
    }
}

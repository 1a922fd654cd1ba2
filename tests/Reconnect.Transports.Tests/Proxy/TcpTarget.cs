using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Reconnect.Transports.Tests.Proxy;

/// <summary>A plain TCP server on a loopback port of its own that hands each accepted socket to the test.</summary>
internal sealed class TcpTarget : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Channel<Socket> _accepted = System.Threading.Channels.Channel.CreateUnbounded<Socket>();
    private readonly List<Socket> _sockets = [];

    public TcpTarget()
    {
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public async Task<Socket> AcceptedAsync(CancellationToken cancellationToken) =>
        await _accepted.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

    public void Dispose()
    {
        _listener.Stop();
        lock (_sockets)
        {
            _sockets.ForEach(s => s.Dispose());
        }
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync();
                lock (_sockets)
                {
                    _sockets.Add(socket);
                }

                _accepted.Writer.TryWrite(socket);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            _accepted.Writer.TryComplete();
        }
    }
}

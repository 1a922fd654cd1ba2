using System.Net;
using System.Net.Sockets;

namespace Reconnect.Transports.Tests.WebSockets.Support;

/// <summary>A loopback port nothing listens on, so a connect to it is refused.</summary>
internal static class ClosedPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

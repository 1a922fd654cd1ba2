using System.Net.Http;
using System.Net.Sockets;

namespace Reconnect;

/// <summary>Reads what a failed network call says about where it failed: this host's network, or the server's host.</summary>
internal static class NetworkErrors
{
    /// <summary>
    /// True when the call failed because this host cannot reach any network (no route, interface down) or cannot
    /// resolve names: a local outage, not an answer from the server.
    /// </summary>
    public static bool IsLocalOutage(Exception error) => Find(error, static e => e switch
    {
        SocketException { SocketErrorCode: SocketError.NetworkUnreachable or SocketError.NetworkDown or SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } => true,
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => true,
        _ => false,
    });

    /// <summary>True when the server's host refused the connection (nothing listens on the port).</summary>
    public static bool IsRefused(Exception error) =>
        Find(error, static e => e is SocketException { SocketErrorCode: SocketError.ConnectionRefused });

    private static bool Find(Exception error, Func<Exception, bool> match)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (match(e))
            {
                return true;
            }
        }

        return false;
    }
}

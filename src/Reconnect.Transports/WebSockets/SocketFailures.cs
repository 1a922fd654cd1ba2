using Reconnect.Core.Engine;
using Reconnect.Core.Policies;

namespace Reconnect;

/// <summary>Maps a socket error onto the engine input that reports it, for the socket of one epoch.</summary>
internal static class SocketFailures
{
    /// <summary>
    /// A local outage (no route, interface down, names unresolvable) is <see cref="SignallingUnreachable"/>; a refused
    /// connect is <see cref="CloseCodes.ConnectionRefused"/>; any other failure (a reset, a timeout, a failed upgrade)
    /// is <see cref="CloseCodes.Abnormal"/>. Every reason names the endpoint, such as
    /// <c>connection refused by ws://127.0.0.1:5080/signal</c>.
    /// </summary>
    public static EngineInput ToInput(long epoch, Exception error, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(error);
        var where = Where(endpoint);
        if (NetworkErrors.IsLocalOutage(error))
        {
            return new SignallingUnreachable(epoch, $"{where} is unreachable: {error.Message}");
        }

        return NetworkErrors.IsRefused(error)
            ? new SocketClosed(epoch, CloseCodes.ConnectionRefused, $"connection refused by {where}")
            : new SocketClosed(epoch, CloseCodes.Abnormal, $"{error.Message} ({where})");
    }

    /// <summary>The endpoint as an error may name it: scheme, host, port and path, never a query (it may carry the token) or user info.</summary>
    public static string Where(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsAbsoluteUri
            ? $"{endpoint.Scheme}://{endpoint.Authority}{endpoint.AbsolutePath}"
            : endpoint.OriginalString;
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.Policies;
using Reconnect.Transports.Network;

namespace Reconnect.Transports.WebSockets;

/// <summary>Maps a socket error onto the engine input that reports it, for the socket of one epoch.</summary>
internal static class SocketFailures
{
    /// <summary>
    /// A local outage (no route, interface down, names unresolvable) is <see cref="SignallingUnreachable"/>; a refused
    /// connect is <see cref="CloseCodes.ConnectionRefused"/>; any other failure (a reset, a timeout, a failed upgrade)
    /// is <see cref="CloseCodes.Abnormal"/>.
    /// </summary>
    public static EngineInput ToInput(long epoch, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (NetworkErrors.IsLocalOutage(error))
        {
            return new SignallingUnreachable(epoch, error.Message);
        }

        return NetworkErrors.IsRefused(error)
            ? new SocketClosed(epoch, CloseCodes.ConnectionRefused, "connection refused")
            : new SocketClosed(epoch, CloseCodes.Abnormal, error.Message);
    }
}

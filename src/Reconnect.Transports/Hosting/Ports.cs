using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Hosting;

/// <summary>The token provider port: answers each fetch with <see cref="TokenFetched"/> or <see cref="TokenFetchFailed"/>.</summary>
public interface ITokenPort
{
    /// <summary>Starts a token fetch for an attempt.</summary>
    void Fetch(long attempt);
}

/// <summary>
/// The signalling socket port: one socket per epoch; reports SocketOpened, FrameReceived and SocketClosed, or
/// SignallingUnreachable when the local network is unreachable (no route, interface down, names unresolvable: no close
/// code). A connect the server host refuses (connection refused) closes with 4103 <c>connection_refused</c>, any other
/// failure with 1006. Every input carries the epoch of the socket it happened to, also after a newer socket opened.
/// </summary>
public interface ISignallingPort
{
    /// <summary>Opens the socket of a new epoch with a token, by the route its grant named (endpoint, headers) or else the configured one.</summary>
    void Open(long epoch, string token, SignallingRoute? route);

    /// <summary>Sends a text frame on the socket of an epoch; a closed socket drops it.</summary>
    void Send(long epoch, string frame);

    /// <summary>Closes the socket of an epoch.</summary>
    void Close(long epoch, int code, string reason);

    /// <summary>
    /// Closes the socket of an epoch once the frames already sent on it (such as the leave a close sends first) have
    /// been flushed, waiting at most <paramref name="flushWithin"/>. The default suits a port that hands each frame
    /// on in order as it is sent, as the in-memory port does: its frames are ahead of the close already.
    /// </summary>
    void Close(long epoch, int code, string reason, TimeSpan flushWithin) => Close(epoch, code, reason);
}

/// <summary>The three ports an engine pump dispatches effects to.</summary>
/// <param name="Token">The token provider port.</param>
/// <param name="Signalling">The signalling socket port.</param>
/// <param name="Media">The media port.</param>
public sealed record EnginePorts(ITokenPort Token, ISignallingPort Signalling, IMediaPort Media);

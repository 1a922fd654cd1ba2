using Microsoft.Extensions.Logging;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;

namespace Reconnect;

/// <summary>The client's source-generated log messages.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "State changed from {From} to {To}: {Reason}")]
    public static partial void StateChanged(ILogger logger, LocalPeerState from, LocalPeerState to, string reason);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Remote peer {PeerId} changed from {From} to {To}: {Reason}")]
    public static partial void RemoteStateChanged(ILogger logger, string peerId, RemotePeerState from, RemotePeerState to, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Error {Kind}: {Detail}")]
    public static partial void ErrorRaised(ILogger logger, string kind, string detail);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "The handler {Handler} of {Event} threw; the other handlers and later events still run")]
    public static partial void HandlerFailed(ILogger logger, string @event, string handler, Exception exception);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "An event stream subscriber fell behind its capacity of {Capacity}; it has missed {Missed} events and reads a fresh snapshot next")]
    public static partial void EventsMissed(ILogger logger, int capacity, long missed);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "The token provider failed fetch {Attempt}")]
    public static partial void TokenProviderFailed(ILogger logger, long attempt, Exception exception);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "The engine stopped after an internal error; the client is unusable")]
    public static partial void EngineFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "Disposing the {Port} port failed")]
    public static partial void PortDisposeFailed(ILogger logger, string port, Exception exception);
}

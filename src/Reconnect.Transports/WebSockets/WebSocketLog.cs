using Microsoft.Extensions.Logging;

namespace Reconnect;

/// <summary>The WebSocket signalling port's source-generated log messages.</summary>
internal static partial class WebSocketLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Debug, Message = "Socket {Epoch} connecting to {Endpoint}")]
    public static partial void Connecting(ILogger logger, long epoch, Uri endpoint);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Socket {Epoch} ended: {Input}")]
    public static partial void Ended(ILogger logger, long epoch, string input);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Socket {Epoch} send queue full at {Capacity} frames; closing it with {Code}")]
    public static partial void SendQueueOverflow(ILogger logger, long epoch, int capacity, int code);

    [LoggerMessage(EventId = 303, Level = LogLevel.Debug, Message = "Socket {Epoch} failed")]
    public static partial void Failed(ILogger logger, long epoch, Exception exception);

    [LoggerMessage(EventId = 304, Level = LogLevel.Debug, Message = "A frame for socket {Epoch} was dropped: that socket is not open here")]
    public static partial void FrameDropped(ILogger logger, long epoch);

    [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "Socket {Epoch} received a frame over {Limit} bytes; closing it with {Code}")]
    public static partial void FrameTooBig(ILogger logger, long epoch, int limit, int code);
}

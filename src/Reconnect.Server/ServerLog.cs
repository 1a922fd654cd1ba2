namespace Reconnect.Server;

/// <summary>The server's log messages (source-generated).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Connection {ConnectionId} refused with {Code}: {Why}")]
    public static partial void Refused(ILogger logger, long connectionId, int code, string why);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Connection {ConnectionId} socket ended: {Why}")]
    public static partial void SocketFailed(ILogger logger, long connectionId, string why);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Channel {Channel} {Kind} {PeerId}: {Detail}")]
    public static partial void ChannelNotice(ILogger logger, string kind, string channel, string? peerId, string detail);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Channel {Channel} refused {PeerId}: {Detail}")]
    public static partial void ChannelRejected(ILogger logger, string channel, string? peerId, string detail);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Channel {Channel} closed {PeerId} with 4002 token_expired: its token expired while connected ({Detail})")]
    public static partial void TokenExpired(ILogger logger, string channel, string? peerId, string detail);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Channel {Channel} kicked {PeerId}: {Detail}")]
    public static partial void PeerKicked(ILogger logger, string channel, string? peerId, string detail);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Channel loop {Loop} failed on {Work}")]
    public static partial void LoopFailed(ILogger logger, int loop, string work, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Development signing key (base64, generated for this run): {Key}")]
    public static partial void GeneratedSigningKey(ILogger logger, string key);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Development admin key (generated for this run): {Key}")]
    public static partial void GeneratedAdminKey(ILogger logger, string key);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Stopping: {Count} connections sent away with a {RetryAfterMs} ms retry hint")]
    public static partial void SendingAway(ILogger logger, int count, int retryAfterMs);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Admin request refused: wrong or missing admin key")]
    public static partial void AdminRefused(ILogger logger);
}

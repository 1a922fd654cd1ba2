namespace Reconnect.Channel;

/// <summary>The reasons the server gives in <c>PeerAwayMessage</c>: how it knows a peer's socket is gone.</summary>
public static class PeerAwayReasons
{
    /// <summary>The peer's socket closed or dropped.</summary>
    public const string SocketClosed = "socket-closed";

    /// <summary>The socket is open but silent: a whole heartbeat was missed (twice the announced ping interval passed with no frame).</summary>
    public const string HeartbeatMissed = "heartbeat-missed";

    /// <summary>The server closed the socket (an expired or refused token) and keeps the session; the message carries the close code.</summary>
    public const string ClosedByServer = "closed-by-server";
}

namespace Reconnect;

/// <summary>
/// The close codes the signalling socket understands: WebSocket codes and the application's 4000 range. An unreachable
/// local network is no close code: a port reports it as <see cref="Core.Engine.SignallingUnreachable"/>.
/// </summary>
public static class CloseCodes
{
    /// <summary>Normal closure.</summary>
    public const int Normal = 1000;

    /// <summary>The server is going away (graceful shutdown).</summary>
    public const int GoingAway = 1001;

    /// <summary>The peer sent a text frame that is not valid UTF-8 (the WebSocket layer closes with it).</summary>
    public const int InvalidPayload = 1007;

    /// <summary>The connection dropped without a close frame.</summary>
    public const int Abnormal = 1006;

    /// <summary>The server is restarting.</summary>
    public const int ServiceRestart = 1012;

    /// <summary>The token is not valid.</summary>
    public const int InvalidToken = 4001;

    /// <summary>The token expired; a fresh one may work.</summary>
    public const int TokenExpired = 4002;

    /// <summary>The token does not allow this channel.</summary>
    public const int ChannelNotAuthorized = 4003;

    /// <summary>The account is suspended.</summary>
    public const int AccountSuspended = 4004;

    /// <summary>An administrator removed the peer.</summary>
    public const int AdminDisconnect = 4005;

    /// <summary>The account is over its concurrent connection limit.</summary>
    public const int OverCapacity = 4006;

    /// <summary>The server closed the socket: a frame exceeded its size limit.</summary>
    public const int FrameTooLarge = 4007;

    /// <summary>The server closed the socket: the client sent frames faster than its rate limit.</summary>
    public const int RateLimited = 4008;

    /// <summary>The server closed the socket: no join arrived within the join timeout.</summary>
    public const int JoinTimeout = 4009;

    /// <summary>The server closed the socket: a frame broke the protocol (a binary frame, a message before the join).</summary>
    public const int ProtocolViolation = 4010;

    /// <summary>The server closed the socket: the client read too slowly and its outbound queue filled up.</summary>
    public const int SlowConsumer = 4011;

    /// <summary>The client closed the socket because no frame arrived within the liveness timeout.</summary>
    public const int LivenessTimeout = 4100;

    /// <summary>The client closed the socket because no welcome arrived in time.</summary>
    public const int WelcomeTimeout = 4101;

    /// <summary>
    /// The server host refused the connection (TCP RST on connect: nothing listens): a server's answer, not a network
    /// outage; the session cannot be resumed on that process right now.
    /// </summary>
    public const int ConnectionRefused = 4103;

    /// <summary>
    /// The client closed the socket because its send queue was full (the socket could not take frames as fast as the
    /// engine sent them): a signalling stream with a hole is worse than a reconnect and its reconcile.
    /// </summary>
    public const int SendQueueOverflow = 4104;

    /// <summary>The client gave up a socket on which the roster never came, after the reconcile timed out and asked again.</summary>
    public const int RosterTimeout = 4105;
}

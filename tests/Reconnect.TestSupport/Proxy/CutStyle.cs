namespace Reconnect.TestSupport.Proxy;

/// <summary>How a <see cref="FaultProxy"/> cuts a connection, on both of its sides.</summary>
public enum CutStyle
{
    /// <summary>A TCP reset (RST): the peers see the connection fail, with no close handshake.</summary>
    Reset,

    /// <summary>An orderly TCP close (FIN): the peers see the stream end, with no WebSocket close frame.</summary>
    Fin,
}

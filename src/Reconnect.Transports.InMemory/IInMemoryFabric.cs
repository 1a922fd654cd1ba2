namespace Reconnect.Transports.InMemory;

/// <summary>Which plane a delivery travels on; faults can break one plane alone.</summary>
public enum TrafficPlane
{
    /// <summary>The signalling socket (ordered, like TCP).</summary>
    Signalling,

    /// <summary>The media path (UDP-like: may be lost, never retried).</summary>
    Media,
}

/// <summary>
/// The network the in-memory adapters run over: hosts with addresses, links with delay and loss, and
/// faults. The simulator implements it in virtual time; a test can implement it directly.
/// </summary>
public interface IInMemoryFabric
{
    /// <summary>The clock the adapters arm their timers on.</summary>
    TimeProvider Time { get; }

    /// <summary>True when the host has a network.</summary>
    bool IsOnline(string host);

    /// <summary>The host's current address.</summary>
    string AddressOf(string host);

    /// <summary>
    /// Delivers <paramref name="deliver"/> at <paramref name="toHost"/> after the path's delay, if the path is up
    /// when sent and when it arrives; false when it was dropped at once. Signalling deliveries between a pair
    /// of hosts keep their order, and a fabric may hold one whose path swallows packets until the path works again
    /// (as TCP retransmits) instead of dropping it.
    /// </summary>
    bool Send(string fromHost, string toHost, TrafficPlane plane, Action deliver);

    /// <summary>
    /// Delivers one frame of a signalling socket: like <see cref="Send"/> on the signalling plane, with the order kept
    /// within <paramref name="socket"/> (an id unique per client host, such as its epoch) and frames of different
    /// sockets independent, as separate TCP connections are. By default, <see cref="Send"/> on the signalling plane.
    /// </summary>
    bool SendOnSocket(string fromHost, string toHost, long socket, Action deliver) => Send(fromHost, toHost, TrafficPlane.Signalling, deliver);

    /// <summary>
    /// Delivers a media packet from a bound local address to a remote address: dropped when the sender no
    /// longer holds <paramref name="fromAddress"/> or nobody holds <paramref name="toAddress"/>; otherwise like
    /// <see cref="Send"/>, with the receiving host's name passed to <paramref name="deliver"/>.
    /// </summary>
    bool SendToAddress(string fromHost, string fromAddress, string toAddress, Action<string> deliver);
}

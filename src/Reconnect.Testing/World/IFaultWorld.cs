using Reconnect.Channel;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Network;
using Reconnect.Testing.Time;
using Reconnect.Testing.Trace;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.World;

/// <summary>
/// What the <see cref="FaultInjector"/> needs of a world: the clock, the network, the server and its participants,
/// the invariant checker to tell of true departures, and the trace to write faults to. A <see cref="SimWorld"/> and a
/// virtual call are such worlds.
/// </summary>
internal interface IFaultWorld
{
    /// <summary>The virtual clock.</summary>
    VirtualTimeProvider Time { get; }

    /// <summary>The simulated network.</summary>
    SimNetwork Network { get; }

    /// <summary>The signalling server.</summary>
    InMemorySignallingServer Server { get; }

    /// <summary>The invariant checker.</summary>
    InvariantChecker Checker { get; }

    /// <summary>Virtual time now, in milliseconds.</summary>
    long NowMs { get; }

    /// <summary>How long faults may still last before the world heals them, in milliseconds; null when nothing heals them early.</summary>
    long? RemainingMs { get; }

    /// <summary>The participant of that name.</summary>
    IFaultPeer Participant(string name);

    /// <summary>Writes a fault to the trace.</summary>
    void RecordFault(TraceEvent fault);

    /// <summary>A fresh instance of the channel logic, whose session ids start with <paramref name="sessionIdPrefix"/>.</summary>
    ChannelServer NewChannelLogic(string sessionIdPrefix);

    /// <summary>A timed fault just ended.</summary>
    void FaultEnded();

    /// <summary>The words for a failure of this world's seed.</summary>
    string Failure(string what);
}

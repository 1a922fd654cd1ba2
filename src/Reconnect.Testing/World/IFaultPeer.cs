using Reconnect.Core.Ports;
using Reconnect.Testing.Network;
using Reconnect.Testing.Time;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.World;

/// <summary>
/// What a fault needs of one participant, whether an engine-level <see cref="SimPeer"/> or a client of a virtual call:
/// its host, socket, clock and token provider, its operating system's network signal, and its app's commands.
/// </summary>
internal interface IFaultPeer
{
    /// <summary>The participant's name: its host's and its peer id.</summary>
    string Name { get; }

    /// <summary>The channel it joins (or last joined).</summary>
    string Channel { get; }

    /// <summary>Its host on the simulated network.</summary>
    SimHost Host { get; }

    /// <summary>Its in-memory media port; null before its client built one.</summary>
    InMemoryMediaPort? Media { get; }

    /// <summary>Its in-memory signalling socket.</summary>
    InMemorySignallingPort Signalling { get; }

    /// <summary>Its wall clock over the shared virtual clock.</summary>
    HostClock Clock { get; }

    /// <summary>Its token provider's injected faults.</summary>
    ITokenFaults Token { get; }

    /// <summary>Tells its engine what the operating system says about the network, when the signal reaches it.</summary>
    void Signal(NetworkChange change);

    /// <summary>Its machine sleeps: nothing on it runs until <see cref="Wake"/>.</summary>
    void Sleep();

    /// <summary>Its machine wakes and learns it slept.</summary>
    void Wake();

    /// <summary>Its app joins the channel.</summary>
    void Join();

    /// <summary>Its app leaves the channel.</summary>
    void Leave();

    /// <summary>Its app closes the call for good.</summary>
    void Close();

    /// <summary>Its app publishes a new local stream.</summary>
    void Publish(string streamId);

    /// <summary>Its app withdraws a local stream.</summary>
    void Unpublish(string streamId);

    /// <summary>Its app replaces the track of a local stream.</summary>
    void ReplaceTrack(string streamId, string trackId);

    /// <summary>Its app presses "retry now": pending retry waits are cut short.</summary>
    void RetryNow();

    /// <summary>Its app sends one message to <paramref name="remotePeerId"/> on the declared data channel <paramref name="label"/>.</summary>
    void SendData(string remotePeerId, string label, ReadOnlyMemory<byte> payload);
}

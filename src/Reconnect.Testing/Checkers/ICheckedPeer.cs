using Reconnect.Core.Engine;

namespace Reconnect.Testing.Checkers;

/// <summary>
/// What the invariant checker reads of one participant between steps: its engine, whether its machine sleeps, and
/// what it still has open. An engine-level simulated peer and a client of a virtual call are such participants.
/// </summary>
public interface ICheckedPeer
{
    /// <summary>The participant's name, also its peer id.</summary>
    string Name { get; }

    /// <summary>Its engine, read between steps.</summary>
    CallEngine Engine { get; }

    /// <summary>True while its machine sleeps: its clock stops and its deadlines restart on waking.</summary>
    bool IsAsleep { get; }

    /// <summary>How many media connections it has open.</summary>
    int OpenMediaConnections { get; }

    /// <summary>True while its signalling socket is open.</summary>
    bool IsSignallingOpen { get; }
}

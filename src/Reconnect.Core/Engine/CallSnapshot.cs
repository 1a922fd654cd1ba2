using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;

namespace Reconnect.Core.Engine;

/// <summary>A read-only view of the engine, for tests, checkers and the facade.</summary>
/// <param name="Local">The local peer's state.</param>
/// <param name="Socket">The signalling socket's state.</param>
/// <param name="Reconcile">The reconcile's state.</param>
/// <param name="Epoch">The current socket epoch.</param>
/// <param name="FailedAttempts">Failed socket attempts since the budget last reset.</param>
/// <param name="SessionId">The server session in force, if any.</param>
/// <param name="Remotes">The identity map, ordered by id.</param>
/// <param name="ArmedTimers">The armed timers, ordered by kind and owner.</param>
/// <param name="HeldSignals">Signals held for peers not yet in the roster.</param>
public sealed record CallSnapshot(
    LocalPeerState Local,
    SignallingSocketState Socket,
    ReconcileState Reconcile,
    long Epoch,
    int FailedAttempts,
    string? SessionId,
    IReadOnlyList<RemotePeerSnapshot> Remotes,
    IReadOnlyList<TimerId> ArmedTimers,
    int HeldSignals);

/// <summary>A read-only view of one remote peer.</summary>
/// <param name="Id">The remote peer's id.</param>
/// <param name="Ref">The identity of its RemotePeer object.</param>
/// <param name="SessionId">Its server session.</param>
/// <param name="State">Its state.</param>
/// <param name="Generation">Its live connection's generation.</param>
/// <param name="Metadata">Its metadata.</param>
/// <param name="Streams">Its bound remote streams, by id.</param>
/// <param name="LadderAttempt">The ladder attempt under way, 0 when none.</param>
public sealed record RemotePeerSnapshot(
    string Id,
    long Ref,
    string SessionId,
    RemotePeerState State,
    int Generation,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<RemoteStreamSnapshot> Streams,
    int LadderAttempt);

/// <summary>A read-only view of one remote stream.</summary>
/// <param name="StreamId">The stream's id.</param>
/// <param name="StreamRef">The identity of the stream object.</param>
/// <param name="Generation">The connection it is bound to.</param>
public sealed record RemoteStreamSnapshot(string StreamId, long StreamRef, int Generation);

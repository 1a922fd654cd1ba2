using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Machines;

/// <summary>
/// The tables an engine runs. Production engines run <see cref="Standard"/>; the table-mutation test hands an engine a
/// set with one row dropped, retargeted or stripped of its effects, and requires some rule test to notice.
/// </summary>
internal sealed record MachineTables(
    MachineTable<LocalPeerPhase, LocalPeerTrigger, LocalPeerEffect, LocalPeerContext> LocalPeer,
    MachineTable<SignallingSocketState, SignallingSocketTrigger, SignallingSocketEffect, SignallingSocketContext> SignallingSocket,
    MachineTable<ReconcileState, ReconcileTrigger, ReconcileEffect, ReconcileContext> Reconcile,
    MachineTable<RemotePeerPhase, RemotePeerTrigger, RemotePeerEffect, RemotePeerContext> RemotePeer,
    MachineTable<NegotiationState, NegotiationTrigger, NegotiationEffect, NegotiationContext> Negotiation)
{
    /// <summary>The tables as declared.</summary>
    public static MachineTables Standard { get; } =
        new(LocalPeerMachine.Table, SignallingSocketMachine.Table, ReconcileMachine.Table, RemotePeerMachine.Table, NegotiationMachine.Table);
}

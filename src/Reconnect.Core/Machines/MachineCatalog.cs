using System.Collections.Immutable;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Machines;

/// <summary>The machine tables, each with its diagrams: the docs render them and a golden-file test keeps them from drifting.</summary>
internal static class MachineCatalog
{
    /// <summary>Every machine, in a fixed order: local peer, remote peer, negotiation, signalling socket, reconcile.</summary>
    public static ImmutableArray<MachineDiagram> All { get; } =
    [
        Describe(LocalPeerMachine.Table, "local-peer"),
        Describe(RemotePeerMachine.Table, "remote-peer"),
        Describe(NegotiationMachine.Table, "negotiation"),
        Describe(SignallingSocketMachine.Table, "signalling-socket"),
        Describe(ReconcileMachine.Table, "reconcile"),
    ];

    private static MachineDiagram Describe<TState, TTrigger, TEffect, TContext>(
        MachineTable<TState, TTrigger, TEffect, TContext> table,
        string baseName)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum =>
        new(table.Name, baseName, () => DiagramWriter.ToMermaid(table), () => DiagramWriter.ToDot(table));
}

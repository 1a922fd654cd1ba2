using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;

namespace Reconnect.Core.Engine;

/// <summary>What a signal is for: one machine, every remote peer's machine, or the roster snapshot the reconcile took.</summary>
internal enum SignalTarget
{
    /// <summary>The local peer machine.</summary>
    LocalPeer,

    /// <summary>The signalling socket machine.</summary>
    SignallingSocket,

    /// <summary>The reconcile machine.</summary>
    Reconcile,

    /// <summary>Every remote peer's machine, in id order.</summary>
    EveryRemotePeer,

    /// <summary>One remote peer's negotiation machine.</summary>
    Negotiation,

    /// <summary>One remote peer's escalation: take the step its machine just moved to (a fresh connection fires its machines).</summary>
    Escalation,

    /// <summary>One remote peer's exchange completed after a media verb's failure over a connected ICE: its machine is told the heal.</summary>
    Renegotiated,

    /// <summary>The identity map: apply the roster snapshot the reconcile accepted, which fires the remote peers' machines it touches.</summary>
    Roster,
}

/// <summary>
/// A request one machine's effect makes of another machine: the engine queues it and delivers it once that effect has
/// been performed, so no machine fires another inside its own effects. The trigger is kept as the number of its
/// target's trigger enum; build signals through the named factories, which keep the two together.
/// </summary>
/// <param name="Target">The machine (or machines) the signal is for.</param>
/// <param name="Trigger">The target's trigger, as its enum's number.</param>
/// <param name="Reason">Why, as the target's state-change notice says it (empty where the target has no such notice).</param>
/// <param name="Peer">The remote peer, for a signal to one peer's machine.</param>
/// <param name="TerminalCode">For a socket failure: the close carried a terminal code.</param>
/// <param name="LocalOutage">For a socket failure: the local network was unreachable.</param>
internal readonly record struct MachineSignal(
    SignalTarget Target, int Trigger, string Reason, RemotePeerEntry? Peer = null, bool TerminalCode = false, bool LocalOutage = false)
{
    /// <summary>The signal that applies the reconcile's roster snapshot.</summary>
    public static MachineSignal ApplyRoster { get; } = new(SignalTarget.Roster, 0, string.Empty);

    public static MachineSignal ToLocalPeer(LocalPeerTrigger trigger, string reason) => new(SignalTarget.LocalPeer, (int)trigger, reason);

    public static MachineSignal ToSocket(SignallingSocketTrigger trigger, bool terminalCode = false, bool localOutage = false) =>
        new(SignalTarget.SignallingSocket, (int)trigger, string.Empty, null, terminalCode, localOutage);

    public static MachineSignal ToReconcile(ReconcileTrigger trigger) => new(SignalTarget.Reconcile, (int)trigger, string.Empty);

    public static MachineSignal ToEveryRemotePeer(RemotePeerTrigger trigger, string reason) => new(SignalTarget.EveryRemotePeer, (int)trigger, reason);

    public static MachineSignal ToNegotiation(RemotePeerEntry peer, NegotiationTrigger trigger) => new(SignalTarget.Negotiation, (int)trigger, string.Empty, peer);

    public static MachineSignal ToEscalation(RemotePeerEntry peer) => new(SignalTarget.Escalation, 0, string.Empty, peer);

    public static MachineSignal Renegotiated(RemotePeerEntry peer) => new(SignalTarget.Renegotiated, 0, string.Empty, peer);
}

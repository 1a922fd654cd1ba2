using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;

namespace Reconnect.Core.Engine;

/// <summary>
/// Signals between machines (see docs/state-diagrams/README.md): an effect's request of another machine is queued on
/// the <see cref="SignalQueue"/> and delivered here once the effect is done; no machine fires another itself.
/// </summary>
public sealed partial class CallEngine
{
    /// <summary>
    /// Asks a machine to react: queued while an effect is being performed (a signal between machines), fired at once
    /// from an input handler (where it is part of handling the input).
    /// </summary>
    private void Tell(MachineSignal signal)
    {
        if (_signals.Performing)
        {
            _signals.Enqueue(signal);
            return;
        }

        Route(signal);
    }

    /// <summary>Delivers a signal between machines: the trigger is no input of the app's, so an ignore rule it meets is only counted.</summary>
    private void DeliverSignal(MachineSignal signal)
    {
        _signalDepth++;
        Route(signal);
        _signalDepth--;
    }

    /// <summary>Fires the signal's target.</summary>
    private void Route(MachineSignal signal)
    {
        switch (signal.Target)
        {
            case SignalTarget.LocalPeer:
                FireLocal((LocalPeerTrigger)signal.Trigger, signal.Reason);
                break;
            case SignalTarget.SignallingSocket:
                FireSocket((SignallingSocketTrigger)signal.Trigger, signal.TerminalCode, signal.LocalOutage);
                break;
            case SignalTarget.Reconcile:
                FireReconcile((ReconcileTrigger)signal.Trigger);
                break;
            case SignalTarget.EveryRemotePeer when (RemotePeerTrigger)signal.Trigger == RemotePeerTrigger.LocalShutdown:
                CloseEveryPeer(signal.Reason);
                break;
            case SignalTarget.EveryRemotePeer:
                foreach (var peer in _peers.Values.ToList())
                {
                    FireRemote(peer, (RemotePeerTrigger)signal.Trigger, signal.Reason);
                }

                break;
            case SignalTarget.Negotiation:
                FireNegotiation(signal.Peer!, (NegotiationTrigger)signal.Trigger);
                break;
            case SignalTarget.Escalation:
                TakeEscalationStep(signal.Peer!);
                break;
            case SignalTarget.Renegotiated:
                HealRenegotiated(signal.Peer!);
                break;
            case SignalTarget.Roster:
                ApplyPendingRoster();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(signal), signal.Target, "Unknown signal target.");
        }
    }

    /// <summary>
    /// True while a remote peer can still react to a signal: it is the identity map's entry for its id and not closed.
    /// A signal for a peer that has gone since it was queued is dropped by rule: there is nothing left to react.
    /// </summary>
    private bool PeerLive(RemotePeerEntry peer) =>
        peer.State != RemotePeerState.Closed && _peers.TryGetValue(peer.Id, out var live) && ReferenceEquals(live, peer);

    /// <summary>
    /// Tells every remote peer's machine of a network change. The input went to the signalling socket; what each peer's
    /// table makes of it is a signal the engine fans out, so a peer whose table ignores it says nothing.
    /// </summary>
    private void SignalEveryPeer(RemotePeerTrigger trigger) =>
        DeliverSignal(MachineSignal.ToEveryRemotePeer(trigger, "local candidates gone after an address change"));
}

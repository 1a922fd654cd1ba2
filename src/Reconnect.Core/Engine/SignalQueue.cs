using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Engine;

/// <summary>
/// The engine's internal signal queue, one list reused for the engine's life. An effect is performed with the queue
/// marked busy: firing any machine then is a bug (<see cref="MachineFiredDuringEffectsException"/>), and a machine's
/// request of another is queued instead. Once the effect is done, the signals it queued are delivered in the order they
/// were queued; a signal's own effects queue and deliver theirs before the next of the outer ones (the list is a stack
/// of such runs), so the notices come in the order a direct call would have given. A signal for a remote peer that
/// has gone by its turn is dropped by rule.
/// </summary>
/// <param name="peerLive">Whether a remote peer is still there to react (in the identity map and not closed).</param>
internal sealed class SignalQueue(Func<RemotePeerEntry, bool> peerLive)
{
    private readonly List<MachineSignal> _queued = [];

    /// <summary>True while an effect is being performed.</summary>
    public bool Performing { get; private set; }

    /// <summary>Queues a signal an effect sends.</summary>
    /// <exception cref="InvalidOperationException">No effect is being performed, so nothing would deliver the signal.</exception>
    public void Enqueue(MachineSignal signal)
    {
        if (!Performing)
        {
            throw new InvalidOperationException($"A {signal.Target} signal was queued outside an effect; nothing would deliver it.");
        }

        _queued.Add(signal);
    }

    /// <summary>Throws when a machine is fired while an effect is being performed.</summary>
    /// <exception cref="MachineFiredDuringEffectsException">An effect is being performed.</exception>
    public void EnsureNotPerforming<TTrigger>(string machine, TTrigger trigger)
        where TTrigger : struct, Enum
    {
        if (Performing)
        {
            throw new MachineFiredDuringEffectsException(machine, trigger.ToString());
        }
    }

    /// <summary>Performs one effect, then delivers (in order) the signals it queued, dropping those for a remote peer that has gone.</summary>
    public void Perform<TTarget, TEffect>(TTarget target, TEffect effect, Action<TTarget, TEffect> apply, Action<MachineSignal> deliver)
    {
        var mark = _queued.Count;
        Performing = true;
        apply(target, effect);
        Performing = false;
        for (var i = mark; i < _queued.Count; i++)
        {
            if (_queued[i].Peer is not { } peer || peerLive(peer))
            {
                deliver(_queued[i]);
            }
        }

        _queued.RemoveRange(mark, _queued.Count - mark);
    }
}

using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Time;

namespace Reconnect.Core.Engine;

/// <summary>
/// Escalation instead of giving up (see <see cref="EscalationOptions"/>): once a remote peer's ICE restart ladder is
/// spent, a fresh connection, then a socket resume, then a full rejoin, each only when the one before did not heal
/// within its bound, then a new round; the RemotePeer keeps its identity throughout. The peer's machine decides when a
/// step is due; the step itself is taken as a signal once the machine's effect is done, since a fresh connection fires
/// the peer's machines.
/// </summary>
public sealed partial class CallEngine
{
    private Instant? _lastEscalationSocketResume;
    private Instant? _lastEscalationRejoin;

    private void ApplyEscalationEffect(RemotePeerEntry peer, RemotePeerEffect effect)
    {
        switch (effect)
        {
            case RemotePeerEffect.StartEscalation:
                EndEpisode(peer);
                peer.EscalationRound++;
                BeginEscalationStep(peer, EscalationLadder.First);
                break;
            case RemotePeerEffect.EscalateNextStep:
                BeginEscalationStep(peer, EscalationLadder.Next(peer.EscalationStep!.Value));
                break;
            case RemotePeerEffect.StartEscalationRound:
                Emit(new EscalationStepNotice(peer.Id, peer.Ref, EscalationStepKind.IceRestart, peer.EscalationRound + 1, Taken: true, "a new round starts with a new ICE restart ladder"));
                break;
            case RemotePeerEffect.RaiseEscalationExhausted:
                Emit(new ErrorRaisedNotice(new EscalationExhausted(peer.Id, peer.EscalationRound)));
                break;
            case RemotePeerEffect.ForgetEscalation:
                MarkWhen(peer.EscalationRound > 0, CoverageMarks.EscalationHealed);
                peer.EscalationRound = 0;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(effect), effect, "Not an escalation effect.");
        }
    }

    /// <summary>Moves the peer to a step and arms its bound; the step is taken once the machine's effect is done.</summary>
    private void BeginEscalationStep(RemotePeerEntry peer, EscalationStepKind step)
    {
        peer.EscalationStep = step;
        _timers.Start(TimerKind.EscalationBound, peer.Id, _now + EscalationLadder.Bound(step, _options.Escalation), _emit);
        Tell(MachineSignal.ToEscalation(peer));
    }

    /// <summary>The escalation step is over (healed, a new ladder, closed): its bound is disarmed.</summary>
    private void EndEscalationStep(RemotePeerEntry peer)
    {
        peer.EscalationStep = null;
        _timers.Cancel(TimerKind.EscalationBound, peer.Id, _emit);
    }

    /// <summary>Takes the step the peer's machine moved to, and says what was done.</summary>
    private void TakeEscalationStep(RemotePeerEntry peer)
    {
        if (peer.EscalationStep is not { } step)
        {
            return;
        }

        switch (step)
        {
            case EscalationStepKind.FreshConnection:
                Mark(CoverageMarks.EscalationFreshConnection);
                Emit(new EscalationStepNotice(peer.Id, peer.Ref, step, peer.EscalationRound, Taken: true, $"a fresh connection (generation {peer.Generation + 1})"));
                Rebuild(peer, peer.Generation + 1, "escalation: a fresh connection", NegotiationTrigger.RebuiltHere);
                break;
            case EscalationStepKind.SocketResume:
                TakeCallWideStep(peer, step, ref _lastEscalationSocketResume, () =>
                {
                    Mark(CoverageMarks.EscalationSocketResume);
                    KillSocket(CloseCodes.Normal, $"escalation: resuming the session to heal the media to {peer.Id}");
                });
                break;
            case EscalationStepKind.Rejoin:
                TakeCallWideStep(peer, step, ref _lastEscalationRejoin, () =>
                {
                    Mark(CoverageMarks.EscalationRejoin);
                    _sessionId = null;
                    _forceRebuildNextRound = true;
                    KillSocket(CloseCodes.Normal, $"escalation: rejoining as a new session to heal the media to {peer.Id}");
                });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(peer), step, "Not a step after the ICE restart ladder.");
        }
    }

    /// <summary>
    /// A step that drops the signalling for the whole call: made only while the socket is up (a socket already down
    /// reconnects and reconciles the peer anyway) and at most once per its minimum interval (the one made serves every
    /// peer). Not made, its bound runs just the same.
    /// </summary>
    private void TakeCallWideStep(RemotePeerEntry peer, EscalationStepKind step, ref Instant? last, Action take)
    {
        var minInterval = EscalationLadder.CallWideMinInterval(step, _options.Escalation)!.Value;
        string? skipped = !SignallingUp
            ? "the socket is already down; its reconnect reconciles the peer"
            : RetryNowLimit.AvailableIn(_now, last, minInterval) > TimeSpan.Zero
                ? $"made for the call at {last}; the next is allowed at {RetryNowLimit.NextAllowed(last, minInterval)}"
                : null;
        if (skipped is not null)
        {
            Emit(new EscalationStepNotice(peer.Id, peer.Ref, step, peer.EscalationRound, Taken: false, skipped));
            return;
        }

        last = _now;
        Emit(new EscalationStepNotice(peer.Id, peer.Ref, step, peer.EscalationRound, Taken: true, step == EscalationStepKind.Rejoin ? "a full rejoin as a new session" : "a socket resume"));
        take();
    }
}

using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Core.Engine;

/// <summary>Relayed signals: generation fencing, perfect negotiation, and holding signals from peers not yet known.</summary>
public sealed partial class CallEngine
{
    private readonly List<HeldSignal> _held = [];

    private void HandleSignal(string from, SignalPayload payload)
    {
        if (from == _peerId)
        {
            Emit(new ErrorRaised(new ProtocolViolation("a signal from the local peer itself")));
            return;
        }

        if (payload.Generation < 1)
        {
            Emit(new ErrorRaised(new ProtocolViolation($"a signal from '{from}' with generation {payload.Generation}")));
            return;
        }

        if (payload is OfferSignal { OfferSequence: < 0 } or AnswerSignal { OfferSequence: < 0 })
        {
            Emit(new ErrorRaised(new ProtocolViolation($"a signal from '{from}' with a negative offer sequence")));
            return;
        }

        if (!_peers.TryGetValue(from, out var peer))
        {
            Hold(from, payload);
            return;
        }

        if (peer.State == RemotePeerState.Closed)
        {
            Ignore($"{payload.GetType().Name} from {from}", "the peer's connection is closed");
            return;
        }

        if (payload is OfferSignal offer && offer.Generation > peer.Generation)
        {
            Mark(CoverageMarks.RemoteRebuild);
            Rebuild(peer, offer.Generation, "the remote peer rebuilt its connection", NegotiationTrigger.RebuiltByRemote);
        }

        if (payload.Generation != peer.Generation)
        {
            Mark(CoverageMarks.SignalStale);
            Ignore($"{payload.GetType().Name} from {from} generation {payload.Generation}", $"stale generation (live is {peer.Generation})");
            if (payload is OfferSignal && payload.Generation < peer.Generation)
            {
                FireNegotiation(peer, NegotiationTrigger.StaleOfferSeen);
            }

            return;
        }

        switch (payload)
        {
            case OfferSignal o: FireNegotiation(peer, NegotiationTrigger.RemoteOffer, NegotiationInput.Of(o)); break;
            case AnswerSignal a: FireNegotiation(peer, NegotiationTrigger.RemoteAnswer, NegotiationInput.Of(a)); break;
            case CandidateSignal c: Emit(new AddIceCandidate(peer.Id, peer.Generation, c.Candidate)); break;
            default: Ignore(payload.GetType().Name, "unknown signal kind"); break;
        }
    }

    private void Hold(string from, SignalPayload payload)
    {
        RereadRosterForUnknownPeer();
        if (_held.Count >= _options.PendingSignalCapacity)
        {
            Ignore($"{payload.GetType().Name} from {from}", "unknown peer and the hold buffer is full");
            return;
        }

        Mark(CoverageMarks.SignalHeld);
        var expires = _now + _options.PendingSignalHold;
        _held.Add(new HeldSignal(from, payload, expires));
        if (!_timers.IsArmed(TimerKind.PendingSignalExpiry, string.Empty))
        {
            _timers.Start(TimerKind.PendingSignalExpiry, string.Empty, expires, _emit);
        }
    }

    private void ReleaseHeldSignals(string peerId)
    {
        var released = _held.Where(h => h.From == peerId).ToList();
        if (released.Count == 0)
        {
            return;
        }

        _held.RemoveAll(h => h.From == peerId);
        RearmHeldExpiry();
        foreach (var held in released)
        {
            Mark(CoverageMarks.SignalReleased);
            HandleSignal(held.From, held.Payload);
        }
    }

    private void ExpireHeldSignals()
    {
        foreach (var expired in _held.Where(h => h.Expires <= _now).ToList())
        {
            _held.Remove(expired);
            Ignore($"{expired.Payload.GetType().Name} from {expired.From}", "held for an unknown peer until it expired");
        }

        RearmHeldExpiry();
    }

    private void RearmHeldExpiry()
    {
        if (_held.Count == 0)
        {
            _timers.Cancel(TimerKind.PendingSignalExpiry, string.Empty, _emit);
            return;
        }

        _timers.Start(TimerKind.PendingSignalExpiry, string.Empty, _held.Min(h => h.Expires), _emit);
    }

    private void ClearHeldSignals()
    {
        _held.Clear();
        _timers.Cancel(TimerKind.PendingSignalExpiry, string.Empty, _emit);
    }

    private sealed record HeldSignal(string From, SignalPayload Payload, Instant Expires);
}

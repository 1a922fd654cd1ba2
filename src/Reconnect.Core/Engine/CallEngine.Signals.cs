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
            Rebuild(peer, offer.Generation, "the remote peer rebuilt its connection", offer: false);
        }

        if (payload.Generation != peer.Generation)
        {
            Mark(CoverageMarks.SignalStale);
            Ignore($"{payload.GetType().Name} from {from} generation {payload.Generation}", $"stale generation (live is {peer.Generation})");
            if (payload is OfferSignal && payload.Generation < peer.Generation)
            {
                OfferAgainOnLiveGeneration(peer);
            }

            return;
        }

        switch (payload)
        {
            case OfferSignal o: AcceptOffer(peer, o); break;
            case AnswerSignal a: AcceptAnswer(peer, a); break;
            case CandidateSignal c: Emit(new AddIceCandidate(peer.Id, peer.Generation, c.Candidate)); break;
            default: Ignore(payload.GetType().Name, "unknown signal kind"); break;
        }
    }

    /// <summary>
    /// The remote offered on an older generation, so it missed our rebuild (its signalling was down when our
    /// offer went out): offer again on the live generation so it catches up instead of waiting for a timeout.
    /// </summary>
    private void OfferAgainOnLiveGeneration(RemotePeerEntry peer)
    {
        if (!peer.MakingOffer && SignallingUp)
        {
            Mark(CoverageMarks.StaleOfferReoffered);
            MakeOffer(peer, iceRestart: false);
        }
    }

    private void AcceptOffer(RemotePeerEntry peer, OfferSignal offer)
    {
        var collision = peer.MakingOffer || peer.Negotiation == NegotiationState.HaveLocalOffer;
        if (collision && !peer.Polite)
        {
            Mark(CoverageMarks.GlareImpoliteIgnores);
            Ignore($"offer from {peer.Id}", "glare: the impolite side keeps its own offer");
            return;
        }

        if (collision)
        {
            Mark(CoverageMarks.GlarePoliteYields);
        }

        peer.MakingOffer = false;
        peer.Negotiation = NegotiationState.HaveRemoteOffer;
        peer.RemoteOfferSequence = offer.OfferSequence;
        peer.AnswersAwaited++;
        Emit(new SetRemoteDescription(peer.Id, peer.Generation, new SessionDescription(SdpType.Offer, offer.Sdp)));
        Emit(new CreateAnswer(peer.Id, peer.Generation));
    }

    private void AcceptAnswer(RemotePeerEntry peer, AnswerSignal answer)
    {
        if (peer.Negotiation != NegotiationState.HaveLocalOffer)
        {
            Ignore($"answer from {peer.Id}", "no local offer is pending");
            return;
        }

        if (answer.OfferSequence != 0 && answer.OfferSequence != peer.OfferSequence)
        {
            Ignore($"answer from {peer.Id} to offer {answer.OfferSequence}", $"stale answer: it answers a superseded offer (the pending offer is {peer.OfferSequence})");
            return;
        }

        peer.Negotiation = NegotiationState.Stable;
        Emit(new SetRemoteDescription(peer.Id, peer.Generation, new SessionDescription(SdpType.Answer, answer.Sdp)));
        NegotiateIfNeeded(peer);
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

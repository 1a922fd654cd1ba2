using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Policies;
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
        var peer = _peers.GetValueOrDefault(from);
        var sender = peer is null ? (SignalSender?)null : new SignalSender(peer.State, peer.Generation);
        foreach (var decision in RelayedSignalPolicy.Decide(from, payload, _peerId, sender))
        {
            Apply(decision, from, payload, peer);
        }
    }

    /// <summary>Performs one decision of the relayed signal rule (see <see cref="RelayedSignalPolicy"/>); every one but holding is about a known peer.</summary>
    private void Apply(SignalDecision decision, string from, SignalPayload payload, RemotePeerEntry? sender)
    {
        switch (decision)
        {
            case SignalViolation violation:
                Emit(new ErrorRaisedNotice(new ProtocolViolation(violation.Message)));
                break;
            case HoldSignal:
                Hold(from, payload);
                break;
            case SignalIgnored ignored:
                Ignore(ignored.Input, ignored.Reason);
                break;
            case StaleSignal stale:
                Mark(CoverageMarks.SignalStale);
                Ignore(stale.Input, stale.Reason);
                break;
            case RebuildForRemoteOffer rebuild:
                Mark(CoverageMarks.RemoteRebuild);
                Rebuild(sender!, rebuild.Generation, "the remote peer rebuilt its connection", NegotiationTrigger.RebuiltByRemote);
                break;
            case StaleOfferSeen:
                FireNegotiation(sender!, NegotiationTrigger.StaleOfferSeen);
                break;
            case DeliverOffer offer:
                FireNegotiation(sender!, NegotiationTrigger.RemoteOffer, NegotiationInput.Of(offer.Offer));
                break;
            case DeliverAnswer answer:
                FireNegotiation(sender!, NegotiationTrigger.RemoteAnswer, NegotiationInput.Of(answer.Answer));
                break;
            case DeliverCandidate candidate:
                Emit(new AddIceCandidate(sender!.Id, sender.Generation, candidate.Candidate.Candidate));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown signal decision.");
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

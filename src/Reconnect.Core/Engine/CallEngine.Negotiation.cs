using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Engine;

/// <summary>Perfect negotiation: the engine feeds each remote peer's negotiation machine and performs its effects.</summary>
public sealed partial class CallEngine
{
    /// <summary>Fires a trigger that carries no description or sequence (the engine's own requests, a media failure).</summary>
    private void FireNegotiation(RemotePeerEntry peer, NegotiationTrigger trigger) =>
        FireNegotiation(peer, trigger, new NegotiationInput(string.Empty, 0));

    /// <summary>
    /// Fires a negotiation trigger with the context its guards read. A trigger an ignore rule absorbs is reported
    /// with the table's reason when it is an input (a description or a signal), and silently when it is the engine's own
    /// request.
    /// </summary>
    private void FireNegotiation(RemotePeerEntry peer, NegotiationTrigger trigger, NegotiationInput input)
    {
        var context = new NegotiationContext(
            peer.Polite,
            SignallingUp,
            peer.NegotiationNeeded,
            OfferSequencing.AnswersPendingOffer(input.OfferSequence, peer.OfferSequence),
            OfferSequencing.NewerOfferAwaitsAnswer(peer.AnswersAwaited),
            peer.PoliteOffered,
            peer.OwnOfferAnswered,
            peer.RemoteOfferTaken,
            input.OnlyAnswered);
        var described = InputDescription(peer, trigger);
        var outcome = Fire(peer.Negotiation, trigger, context, described, announce: described is not null);
        Perform(outcome.Effects, (Engine: this, Peer: peer, Trigger: trigger, Input: input), static (to, effect) => to.Engine.ApplyNegotiationEffect(to.Peer, to.Trigger, effect, to.Input));
    }

    /// <summary>How a notice names the input behind a trigger; null for the engine's own requests.</summary>
    private static string? InputDescription(RemotePeerEntry peer, NegotiationTrigger trigger) => trigger switch
    {
        NegotiationTrigger.LocalOfferCreated => $"local offer for {peer.Id}",
        NegotiationTrigger.LocalAnswerCreated => $"local answer for {peer.Id}",
        NegotiationTrigger.LocalOfferApplied => $"applied local offer for {peer.Id}",
        NegotiationTrigger.LocalAnswerApplied => $"applied local answer for {peer.Id}",
        NegotiationTrigger.RemoteOffer => $"offer from {peer.Id}",
        NegotiationTrigger.RemoteAnswer => $"answer from {peer.Id}",
        _ => null,
    };

    private void ApplyNegotiationEffect(RemotePeerEntry peer, NegotiationTrigger trigger, NegotiationEffect effect, NegotiationInput input)
    {
        switch (effect)
        {
            case NegotiationEffect.CreateOffer:
                AskForOffer(peer);
                break;
            case NegotiationEffect.CreateRestartOffer:
                peer.IceRestartAsked = true;
                Emit(new RestartIce(peer.Id, peer.Generation));
                AskForOffer(peer);
                break;
            case NegotiationEffect.RestartIceAfterAnswer:
                peer.IceRestartAsked = true;
                peer.NegotiationNeeded = true;
                Emit(new RestartIce(peer.Id, peer.Generation));
                break;
            case NegotiationEffect.OfferAgainOnLiveGeneration:
                Mark(CoverageMarks.StaleOfferReoffered);
                AskForOffer(peer);
                break;
            case NegotiationEffect.ApplyLocalDescription:
                var type = trigger == NegotiationTrigger.LocalOfferCreated ? SdpType.Offer : SdpType.Answer;
                Emit(new SetLocalDescription(peer.Id, peer.Generation, new SessionDescription(type, input.Sdp)));
                break;
            case NegotiationEffect.NoteNegotiationNeeded:
                peer.NegotiationNeeded = true;
                break;
            case NegotiationEffect.SendOffer:
                peer.OfferSequence++;
                Send(new RelaySignalMessage(peer.Id, new OfferSignal(peer.Generation, input.Sdp, peer.IceRestartAsked, peer.OfferSequence, peer.RemoteOfferTaken && !peer.OwnOfferAnswered)));
                peer.SentOfferRestartsIce = peer.IceRestartAsked;
                peer.IceRestartAsked = false;
                break;
            case NegotiationEffect.CountAnswer:
                peer.AnswersAwaited = Math.Max(0, peer.AnswersAwaited - 1);
                break;
            case NegotiationEffect.SendAnswer:
                Send(new RelaySignalMessage(peer.Id, new AnswerSignal(peer.Generation, input.Sdp, peer.RemoteOfferSequence)));
                ExchangeCompleted(peer);
                break;
            case NegotiationEffect.DropSupersededAnswer:
                Ignore(InputDescription(peer, trigger)!, "superseded: a newer remote offer awaits its answer");
                break;
            case NegotiationEffect.YieldOwnOffer:
                Mark(CoverageMarks.GlarePoliteYields);
                break;
            case NegotiationEffect.KeepOwnOffer:
                Mark(CoverageMarks.GlareImpoliteIgnores);
                Ignore(InputDescription(peer, trigger)!, "glare: the impolite side keeps its own offer");
                break;
            case NegotiationEffect.KeepOfferHavingOnlyAnswered:
                Mark(CoverageMarks.GlareOnlyAnsweredKeeps);
                Ignore(InputDescription(peer, trigger)!, "glare: having only answered on this connection, the polite side keeps its own offer");
                break;
            case NegotiationEffect.YieldToOnlyAnswered:
                Mark(CoverageMarks.GlareYieldToOnlyAnswered);
                peer.NegotiationNeeded = true;
                if (peer.IceRestartAsked || peer.SentOfferRestartsIce)
                {
                    peer.IceRestartAsked = true;
                    peer.SentOfferRestartsIce = false;
                    Emit(new RestartIce(peer.Id, peer.Generation));
                }

                break;
            case NegotiationEffect.AcceptRemoteOffer:
                peer.RemoteOfferTaken = true;
                peer.PoliteOffered |= !peer.Polite;
                peer.RemoteOfferSequence = input.OfferSequence;
                peer.AnswersAwaited++;
                Emit(new SetRemoteDescription(peer.Id, peer.Generation, new SessionDescription(SdpType.Offer, input.Sdp)));
                Emit(new CreateAnswer(peer.Id, peer.Generation));
                break;
            case NegotiationEffect.ApplyRemoteAnswer:
                peer.PoliteOffered |= peer.Polite;
                peer.OwnOfferAnswered = true;
                peer.SentOfferRestartsIce = false;
                Emit(new SetRemoteDescription(peer.Id, peer.Generation, new SessionDescription(SdpType.Answer, input.Sdp)));
                ExchangeCompleted(peer);
                break;
            case NegotiationEffect.DropStaleAnswer:
                Ignore(
                    $"{InputDescription(peer, trigger)} to offer {input.OfferSequence}",
                    $"stale answer: it answers a superseded offer (the pending offer is {peer.OfferSequence})");
                break;
            case NegotiationEffect.ForgetAnswersAwaited:
                peer.AnswersAwaited = 0;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(effect), effect, "Unknown negotiation effect.");
        }
    }

    /// <summary>
    /// Once signalling is back and the reconcile kept the connection, the offer a change (or the polite side's first offer)
    /// waited for while signalling was down goes out; a connection the reconcile rebuilt offers anew instead.
    /// </summary>
    private void OfferWhatWaited(RemotePeerEntry peer)
    {
        if (peer.NegotiationNeeded && PeerLive(peer))
        {
            FireNegotiation(peer, NegotiationTrigger.OfferNeeded);
        }
    }

    private void AskForOffer(RemotePeerEntry peer)
    {
        peer.NegotiationNeeded = false;
        Emit(new CreateOffer(peer.Id, peer.Generation));
    }

    /// <summary>
    /// What a negotiation trigger carries from its input: a session description, and from a signal an offer sequence and
    /// whether the remote offer's sender has only answered.
    /// </summary>
    private readonly record struct NegotiationInput(string Sdp, int OfferSequence, bool OnlyAnswered = false)
    {
        public static NegotiationInput Of(OfferSignal offer) => new(offer.Sdp, offer.OfferSequence, offer.OnlyAnswered);

        public static NegotiationInput Of(AnswerSignal answer) => new(answer.Sdp, answer.OfferSequence);

        public static NegotiationInput Of(SessionDescription description) => new(description.Sdp, 0);
    }
}

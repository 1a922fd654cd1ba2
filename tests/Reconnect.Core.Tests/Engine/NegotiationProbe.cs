using Reconnect.Core.Engine;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// Tells where the negotiation with remote "B" stands from the engine's outputs alone, by what the next three inputs do:
/// an unnumbered remote answer (taken for whatever offer is pending) is applied only while a local offer is pending; a
/// local answer is taken (relayed, or dropped as superseded) only while a remote offer awaits its answer; and a local
/// offer is relayed only while one is being made, not counting an offer the first two inputs asked for. Each of the six
/// states answers these three differently.
/// </summary>
internal static class NegotiationProbe
{
    public static NegotiationState StateSeen(EngineHarness h, int generation = 1)
    {
        var start = h.Checkpoint;
        h.Signal("B", new AnswerSignal(generation, "probe answer"));
        var localOfferPending = h.Since<SetRemoteDescription>(start).Any(d => d.Description.Type == SdpType.Answer);

        var answered = h.Checkpoint;
        h.LocalDescription("B", generation, SdpType.Answer, "probe local answer");
        var remoteOfferPending = h.Sent<RelaySignalMessage>(answered).Any(m => m.Payload is AnswerSignal)
            || h.Since<InputIgnoredNotice>(answered).Any(i => i.Reason.StartsWith("superseded", StringComparison.Ordinal));

        var askedByProbe = h.Since<CreateOffer>(start).Any();
        var offered = h.Checkpoint;
        h.LocalDescription("B", generation, SdpType.Offer, "probe offer");
        var makingOffer = !askedByProbe && h.Sent<RelaySignalMessage>(offered).Any(m => m.Payload is OfferSignal);

        return (localOfferPending, remoteOfferPending, makingOffer) switch
        {
            (false, false, false) => NegotiationState.Stable,
            (false, false, true) => NegotiationState.MakingOffer,
            (true, false, false) => NegotiationState.HaveLocalOffer,
            (true, false, true) => NegotiationState.HaveLocalOfferMakingOffer,
            (false, true, false) => NegotiationState.HaveRemoteOffer,
            (false, true, true) => throw new Xunit.Sdk.XunitException("an offer was made while a remote offer awaited its answer: no offer can be created in have-remote-offer"),
            _ => throw new Xunit.Sdk.XunitException("an answer was applied and a local answer taken in one state: no negotiation state does both"),
        };
    }
}

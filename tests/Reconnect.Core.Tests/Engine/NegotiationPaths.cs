using Reconnect.Core.Engine;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// Scripts that put the negotiation with remote "B" into a given state on generation 1, from the impolite side "A"
/// (which offers first) or the polite side "C", checking each step's output on the way.
/// </summary>
internal static class NegotiationPaths
{
    public const string LocalOffer = "local offer";
    public const string LocalAnswer = "local answer";
    public const string RemoteAnswer = "answer";

    public static EngineHarness Reach(NegotiationState state, bool polite)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join(polite ? "C" : "A", "room", EngineHarness.Peer("B"));
        switch (state)
        {
            case NegotiationState.Stable:
                ToStable(h, polite);
                break;
            case NegotiationState.MakingOffer:
                ToMakingOffer(h, polite);
                break;
            case NegotiationState.HaveLocalOffer:
                ToHaveLocalOffer(h, polite);
                break;
            case NegotiationState.HaveLocalOfferMakingOffer:
                ToHaveLocalOffer(h, polite);
                LadderAttempt(h);
                break;
            case NegotiationState.HaveRemoteOffer:
                ToHaveRemoteOffer(h, polite);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, "not a negotiation state");
        }

        return h;
    }

    /// <summary>Delivers one description or answer of a kind on generation 1 and returns how a notice names it.</summary>
    public static string Deliver(EngineHarness h, string kind, string sdp, int sequence = 1)
    {
        switch (kind)
        {
            case LocalOffer:
                h.LocalDescription("B", 1, SdpType.Offer, sdp);
                return "local offer for B";
            case LocalAnswer:
                h.LocalDescription("B", 1, SdpType.Answer, sdp);
                return "local answer for B";
            case RemoteAnswer:
                h.Signal("B", new AnswerSignal(1, sdp, sequence));
                return "answer from B";
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a description kind");
        }
    }

    private static void ToStable(EngineHarness h, bool polite)
    {
        if (!polite)
        {
            h.LocalDescription("B", 1, SdpType.Offer, "initial");
            var before = h.Checkpoint;
            h.Signal("B", new AnswerSignal(1, "initial answer", 1));
            Assert.Single(h.Since<SetRemoteDescription>(before));
        }

        Assert.Empty(h.All<CreateAnswer>());
    }

    private static void ToMakingOffer(EngineHarness h, bool polite)
    {
        if (polite)
        {
            h.Feed(new LocalStreamAdded(new StreamInfo("cam", EngineHarness.Meta())));
        }

        Assert.Equal(new CreateOffer("B", 1), h.Last<CreateOffer>());
    }

    private static void ToHaveLocalOffer(EngineHarness h, bool polite)
    {
        ToMakingOffer(h, polite);
        h.LocalDescription("B", 1, SdpType.Offer, "mine");
        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "mine", false, 1)), h.LastSent<RelaySignalMessage>());
    }

    private static void ToHaveRemoteOffer(EngineHarness h, bool polite)
    {
        ToStable(h, polite);
        var before = h.Checkpoint;
        h.Signal("B", new OfferSignal(1, "theirs", false, 1));
        Assert.Equal(new CreateAnswer("B", 1), Assert.Single(h.Since<CreateAnswer>(before)));
    }

    /// <summary>
    /// The ICE restart ladder's next attempt, which asks for a restart offer: ICE failing starts the ladder, and once it
    /// runs its next attempt comes when due.
    /// </summary>
    public static void LadderAttempt(EngineHarness h)
    {
        var before = h.Checkpoint;
        if (h.All<IceRestartStartedNotice>().Any())
        {
            h.AdvanceUntil<CreateOffer>(TimeSpan.FromMinutes(1));
        }
        else
        {
            h.Ice("B", IceConnectionState.Failed);
        }

        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.RestartOffers(before)));
        Assert.Single(h.Since<CreateOffer>(before));
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// Scripts that put the negotiation with remote "B" into a given state on generation 1, from the impolite side "A"
/// (which offers first) or the polite side "C", checking each step's output on the way. Every state is reached on an
/// established connection: both sides have offered once (the impolite side's first offer, then the polite side's own
/// first offer after its answer), so each side's next offer is number <see cref="NextSequence"/>.
/// </summary>
internal static class NegotiationPaths
{
    public const string LocalOffer = "local offer";
    public const string LocalAnswer = "local answer";
    public const string RemoteAnswer = "answer";

    /// <summary>The sequence of the next offer either side makes once the connection is established.</summary>
    public const int NextSequence = 2;

    public static EngineHarness Reach(NegotiationState state, bool polite)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join(polite ? "C" : "A", "room", EngineHarness.Peer("B"));
        Establish(h, polite);
        switch (state)
        {
            case NegotiationState.Stable:
                break;
            case NegotiationState.MakingOffer:
                ToMakingOffer(h);
                break;
            case NegotiationState.HaveLocalOffer:
                ToHaveLocalOffer(h);
                break;
            case NegotiationState.HaveLocalOfferMakingOffer:
                ToHaveLocalOffer(h);
                LadderAttempt(h);
                break;
            case NegotiationState.HaveRemoteOffer:
                ToHaveRemoteOffer(h);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, "not a negotiation state");
        }

        return h;
    }

    /// <summary>
    /// The first two exchanges of a new connection: the impolite side offers and the polite side answers, then the polite
    /// side makes its own first offer and the impolite side answers it.
    /// </summary>
    public static void Establish(EngineHarness h, bool polite, string remote = "B")
    {
        var before = h.Checkpoint;
        if (polite)
        {
            h.Signal(remote, new OfferSignal(1, "initial", false, 1));
            h.LocalDescription(remote, 1, SdpType.Answer, "initial answer");
            Assert.Equal(new CreateOffer(remote, 1), Assert.Single(h.Since<CreateOffer>(before)));
            h.LocalDescription(remote, 1, SdpType.Offer, "first own offer");
            h.Signal(remote, new AnswerSignal(1, "answer to the first own offer", 1));
        }
        else
        {
            h.LocalDescription(remote, 1, SdpType.Offer, "initial");
            h.Signal(remote, new AnswerSignal(1, "initial answer", 1));
            h.Signal(remote, new OfferSignal(1, "polite's first offer", false, 1));
            h.LocalDescription(remote, 1, SdpType.Answer, "answer to the polite's first offer");
            Assert.Empty(h.Since<CreateOffer>(before));
        }

        var applied = h.Since<SetRemoteDescription>(before).Select(d => d.Description.Type).ToList();
        Assert.Equal(2, applied.Count);
        Assert.Contains(SdpType.Offer, applied);
        Assert.Contains(SdpType.Answer, applied);
        Assert.Equal(2, h.Sent<RelaySignalMessage>(before).Count(m => m.Payload is OfferSignal or AnswerSignal));
    }

    /// <summary>
    /// The impolite side "A" on a new connection to "B": its first offer went out, then ICE failed before any answer, so
    /// the ladder asked for a restart offer.
    /// </summary>
    public static EngineHarness ImpoliteAskedToRestartBeforeItsFirstAnswer()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        h.LocalDescription("B", 1, SdpType.Offer, "first");
        var asked = h.Checkpoint;
        h.Ice("B", IceConnectionState.Failed);
        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.RestartOffers(asked)));
        return h;
    }

    /// <summary>Delivers one description or answer of a kind on generation 1 and returns how a notice names it.</summary>
    public static string Deliver(EngineHarness h, string kind, string sdp, int sequence = NextSequence)
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

    private static void ToMakingOffer(EngineHarness h)
    {
        var before = h.Checkpoint;
        h.Feed(new LocalStreamAdded(new StreamInfo("cam", EngineHarness.Meta())));
        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(before)));
    }

    private static void ToHaveLocalOffer(EngineHarness h)
    {
        ToMakingOffer(h);
        h.LocalDescription("B", 1, SdpType.Offer, "mine");
        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "mine", false, NextSequence)), h.LastSent<RelaySignalMessage>());
    }

    private static void ToHaveRemoteOffer(EngineHarness h)
    {
        var before = h.Checkpoint;
        h.Signal("B", new OfferSignal(1, "theirs", false, NextSequence));
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

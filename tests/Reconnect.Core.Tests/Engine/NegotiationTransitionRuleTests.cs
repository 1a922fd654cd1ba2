using Reconnect.Core.Engine;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using static Reconnect.Core.Machines.Negotiation.NegotiationState;
using static Reconnect.Core.Tests.Engine.NegotiationPaths;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// Where each step of perfect negotiation leads, as the app sees it: after the step, the next remote answer, local answer
/// and local offer are handled as the state it leads to handles them (see <see cref="NegotiationProbe"/>).
/// </summary>
public sealed class NegotiationTransitionRuleTests
{
    private const string NextLadderAttempt = "ladder attempt";
    private const string LocalChange = "local change";
    private const string LocalChangeWhileSignallingDown = "local change while signalling is down";
    private const string TheLocalOffer = "local offer";
    private const string RemoteOffer = "remote offer";
    private const string PendingAnswer = "answer to the pending offer";
    private const string StaleAnswer = "answer to a superseded offer";
    private const string LocalChangeThenAnswer = "local change, then the answer to the pending offer";
    private const string TheLocalAnswer = "local answer";
    private const string LocalChangeThenLocalAnswer = "local change, then the local answer";
    private const string NewerOfferThenLocalAnswer = "newer remote offer, then the local answer to the first";

    [Theory]
    [InlineData(Stable, true, NextLadderAttempt, MakingOffer)]
    [InlineData(Stable, true, LocalChangeWhileSignallingDown, MakingOffer)]
    [InlineData(Stable, false, LocalChangeWhileSignallingDown, MakingOffer)]
    [InlineData(MakingOffer, false, NextLadderAttempt, MakingOffer)]
    [InlineData(MakingOffer, false, LocalChange, MakingOffer)]
    [InlineData(HaveLocalOffer, true, RemoteOffer, HaveRemoteOffer)]
    [InlineData(HaveLocalOffer, false, RemoteOffer, HaveLocalOffer)]
    [InlineData(HaveLocalOffer, false, LocalChangeThenAnswer, MakingOffer)]
    [InlineData(HaveLocalOffer, false, StaleAnswer, HaveLocalOffer)]
    [InlineData(HaveLocalOfferMakingOffer, false, NextLadderAttempt, HaveLocalOfferMakingOffer)]
    [InlineData(HaveLocalOfferMakingOffer, false, TheLocalOffer, HaveLocalOffer)]
    [InlineData(HaveLocalOfferMakingOffer, true, RemoteOffer, HaveRemoteOffer)]
    [InlineData(HaveLocalOfferMakingOffer, false, RemoteOffer, HaveLocalOfferMakingOffer)]
    [InlineData(HaveLocalOfferMakingOffer, false, PendingAnswer, MakingOffer)]
    [InlineData(HaveRemoteOffer, true, LocalChangeThenLocalAnswer, MakingOffer)]
    [InlineData(HaveRemoteOffer, true, TheLocalAnswer, Stable)]
    [InlineData(HaveRemoteOffer, true, NewerOfferThenLocalAnswer, HaveRemoteOffer)]
    [InlineData(HaveRemoteOffer, false, RemoteOffer, HaveRemoteOffer)]
    public void A_step_leads_to_the_state_whose_handling_of_the_next_descriptions_shows(object stateCase, bool polite, string step, object leadsToCase)
    {
        var state = (NegotiationState)stateCase;
        var leadsTo = (NegotiationState)leadsToCase;
        var h = Reach(state, polite);

        Take(h, step);

        Assert.Equal(leadsTo, NegotiationProbe.StateSeen(h));
    }

    /// <summary>Takes one step on generation 1, checking its immediate output.</summary>
    private static void Take(EngineHarness h, string step)
    {
        var before = h.Checkpoint;
        switch (step)
        {
            case NextLadderAttempt:
                NegotiationPaths.LadderAttempt(h);
                break;
            case LocalChange:
                h.Feed(new LocalStreamAdded(new StreamInfo("mic", EngineHarness.Meta())));
                Assert.Empty(h.Since<CreateOffer>(before));
                break;
            case LocalChangeWhileSignallingDown:
                h.MediaConnected("B");
                h.DropSocket();
                h.Feed(new LocalStreamAdded(new StreamInfo("mic", EngineHarness.Meta())));
                h.Reconnect(EngineHarness.Peer("B"));
                Assert.Equal(1, h.Remote("B").Generation);
                Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(before)));
                break;
            case TheLocalOffer:
                Deliver(h, LocalOffer, "restart");
                Assert.IsType<OfferSignal>(Assert.Single(h.Sent<RelaySignalMessage>(before)).Payload);
                break;
            case RemoteOffer:
                h.Signal("B", new OfferSignal(1, "theirs again", false, NextSequence + 1));
                break;
            case PendingAnswer:
                Deliver(h, RemoteAnswer, "to the pending offer", sequence: NextSequence);
                Assert.Single(h.Since<SetRemoteDescription>(before));
                break;
            case StaleAnswer:
                Deliver(h, RemoteAnswer, "to a superseded offer", sequence: 7);
                Assert.Empty(h.Since<SetRemoteDescription>(before));
                break;
            case LocalChangeThenAnswer:
                Take(h, LocalChange);
                Take(h, PendingAnswer);
                Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(before)));
                break;
            case TheLocalAnswer:
                Deliver(h, LocalAnswer, "mine");
                Assert.IsType<AnswerSignal>(Assert.Single(h.Sent<RelaySignalMessage>(before)).Payload);
                break;
            case LocalChangeThenLocalAnswer:
                Take(h, LocalChange);
                Take(h, TheLocalAnswer);
                Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(before)));
                break;
            case NewerOfferThenLocalAnswer:
                Take(h, RemoteOffer);
                Deliver(h, LocalAnswer, "to the first");
                Assert.Empty(h.Sent<RelaySignalMessage>(before));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "not a negotiation step");
        }
    }
}

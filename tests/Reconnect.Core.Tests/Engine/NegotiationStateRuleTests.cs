using Reconnect.Core.Engine;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using static Reconnect.Core.Tests.Engine.NegotiationPaths;

namespace Reconnect.Core.Tests.Engine;

/// <summary>Perfect negotiation in each of its states: what a description, a signal, a local change or a failure does there.</summary>
public sealed class NegotiationStateRuleTests
{
    private const string Abandoned = "the offer was abandoned (glare or rebuild)";
    private const string NoRemoteOffer = "no remote offer is pending";
    private const string NoLocalOffer = "no local offer is pending";

    [Theory]
    [InlineData(NegotiationState.Stable, true, LocalOffer, Abandoned)]
    [InlineData(NegotiationState.Stable, true, LocalAnswer, NoRemoteOffer)]
    [InlineData(NegotiationState.MakingOffer, false, LocalAnswer, NoRemoteOffer)]
    [InlineData(NegotiationState.MakingOffer, false, RemoteAnswer, NoLocalOffer)]
    [InlineData(NegotiationState.HaveLocalOffer, false, LocalOffer, Abandoned)]
    [InlineData(NegotiationState.HaveLocalOffer, false, LocalAnswer, NoRemoteOffer)]
    [InlineData(NegotiationState.HaveLocalOfferMakingOffer, false, LocalAnswer, NoRemoteOffer)]
    [InlineData(NegotiationState.HaveRemoteOffer, true, RemoteAnswer, NoLocalOffer)]
    public void A_description_or_answer_no_exchange_waits_for_is_ignored_with_the_reason_of_the_table(object stateCase, bool polite, string kind, string reason)
    {
        var state = (NegotiationState)stateCase;
        var h = Reach(state, polite);
        var before = h.Checkpoint;

        var input = Deliver(h, kind, "unexpected");

        Assert.Equal(new InputIgnoredNotice(input, reason), Assert.Single(h.Since<InputIgnoredNotice>(before)));
        Assert.Empty(h.Since<SetRemoteDescription>(before));
        Assert.Empty(h.Sent<RelaySignalMessage>(before));
    }

    [Theory]
    [InlineData(NegotiationState.HaveLocalOffer, false, RemoteAnswer, NoLocalOffer)]
    [InlineData(NegotiationState.HaveLocalOfferMakingOffer, false, RemoteAnswer, NoLocalOffer)]
    [InlineData(NegotiationState.HaveRemoteOffer, true, LocalAnswer, NoRemoteOffer)]
    public void A_media_failure_abandons_the_exchange_under_way_so_its_late_answer_is_ignored(object stateCase, bool polite, string kind, string reason)
    {
        var state = (NegotiationState)stateCase;
        var h = Reach(state, polite);
        var before = h.Checkpoint;

        h.Feed(new MediaOperationFailed("B", 1, MediaOperation.SetLocalDescription, "setLocalDescription failed"));
        var input = Deliver(h, kind, "late answer");

        Assert.Equal(new MediaError("B", "setLocalDescription failed", MediaOperation.SetLocalDescription), Assert.Single(h.Errors<MediaError>(before)));
        Assert.Equal(new InputIgnoredNotice(input, reason), Assert.Single(h.Since<InputIgnoredNotice>(before)));
        Assert.Empty(h.Since<SetRemoteDescription>(before));
        Assert.Empty(h.Sent<RelaySignalMessage>(before));
    }

    /// <summary>
    /// Two remote offers came before the local answer, so two answers are counted, and the ICE ladder runs (its offer
    /// waits for the answer). A media failure (the ladder already running, so the failure starts no attempt of its own)
    /// ends the exchange under way and forgets the count, so the next remote offer's answer is not taken for a superseded one.
    /// </summary>
    [Fact]
    public void A_media_failure_ends_the_exchange_and_forgets_the_answers_still_counted_so_the_next_offer_is_answered()
    {
        var h = Reach(NegotiationState.HaveRemoteOffer, polite: true);
        h.Ice("B", IceConnectionState.Failed);
        h.Signal("B", new OfferSignal(1, "second", false, 2));
        var before = h.Checkpoint;

        h.Feed(new MediaOperationFailed("B", 1, MediaOperation.SetRemoteDescription, "setRemoteDescription failed"));
        Assert.Empty(h.Since<CreateOffer>(before));
        Assert.Equal(NegotiationState.Stable, NegotiationProbe.StateSeen(h));
        h.Signal("B", new OfferSignal(1, "next", false, 3));
        Deliver(h, LocalAnswer, "answer to next");

        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(1, "answer to next", 3)), Assert.Single(h.Sent<RelaySignalMessage>(before)));
    }

    /// <summary>
    /// The failure of a verb the exchange already left behind (the answer's setRemoteDescription, reported after the
    /// negotiation went back to stable) while the ICE ladder runs: it asks for no offer of its own and the negotiation stays stable.
    /// </summary>
    [Fact]
    public void A_media_failure_with_nothing_under_way_asks_for_no_offer_and_stays_stable()
    {
        var h = Reach(NegotiationState.Stable, polite: false);
        LadderAttempt(h);
        Deliver(h, LocalOffer, "restart");
        Deliver(h, RemoteAnswer, "answer to the restart", ((OfferSignal)h.LastSent<RelaySignalMessage>().Payload).OfferSequence);
        var before = h.Checkpoint;

        h.Feed(new MediaOperationFailed("B", 1, MediaOperation.SetRemoteDescription, "setRemoteDescription failed"));

        Assert.Empty(h.Since<CreateOffer>(before));
        Assert.Equal(NegotiationState.Stable, NegotiationProbe.StateSeen(h));
    }

    [Theory]
    [InlineData(NegotiationState.MakingOffer, false)]
    [InlineData(NegotiationState.HaveLocalOfferMakingOffer, true)]
    [InlineData(NegotiationState.HaveLocalOfferMakingOffer, false)]
    public void In_glare_the_polite_side_answers_the_remote_offer_and_the_impolite_side_keeps_its_own(object stateCase, bool polite)
    {
        var state = (NegotiationState)stateCase;
        var h = Reach(state, polite);
        var before = h.Checkpoint;

        h.Signal("B", new OfferSignal(1, "colliding", false, 2));

        if (polite)
        {
            Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Offer, "colliding")), Assert.Single(h.Since<SetRemoteDescription>(before)));
            Assert.Equal(new CreateAnswer("B", 1), Assert.Single(h.Since<CreateAnswer>(before)));
            Assert.Contains(CoverageMarks.GlarePoliteYields, h.Engine.Coverage.Keys);
        }
        else
        {
            Assert.Equal(new InputIgnoredNotice("offer from B", "glare: the impolite side keeps its own offer"), Assert.Single(h.Since<InputIgnoredNotice>(before)));
            Assert.Empty(h.Since<SetRemoteDescription>(before));
            Assert.Empty(h.Since<CreateAnswer>(before));
        }
    }

    [Fact]
    public void The_impolite_side_still_sends_the_offer_it_was_making_when_a_colliding_offer_came()
    {
        var h = Reach(NegotiationState.MakingOffer, polite: false);
        h.Signal("B", new OfferSignal(1, "colliding", false, NextSequence));
        var before = h.Checkpoint;

        Deliver(h, LocalOffer, "mine");

        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "mine", false, NextSequence)), Assert.Single(h.Sent<RelaySignalMessage>(before)));
    }

    [Theory]
    [InlineData(NegotiationState.MakingOffer, false)]
    [InlineData(NegotiationState.HaveLocalOffer, false)]
    [InlineData(NegotiationState.HaveLocalOfferMakingOffer, false)]
    [InlineData(NegotiationState.HaveRemoteOffer, true)]
    public void A_local_change_during_an_exchange_is_offered_only_once_every_exchange_under_way_is_over(object stateCase, bool polite)
    {
        var state = (NegotiationState)stateCase;
        var h = Reach(state, polite);
        var before = h.Checkpoint;

        h.Feed(new LocalStreamAdded(new StreamInfo("mic", EngineHarness.Meta())));
        Assert.Empty(h.Since<CreateOffer>(before));
        var last = FinishExchanges(h, state);

        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.PlainOffers(before)));
        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(last)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_local_change_while_the_signalling_is_down_is_offered_once_the_reconcile_keeps_the_connection(bool polite)
    {
        var h = Reach(NegotiationState.Stable, polite);
        h.MediaConnected("B");
        h.DropSocket();
        var before = h.Checkpoint;
        h.Feed(new LocalStreamAdded(new StreamInfo("mic", EngineHarness.Meta())));
        Assert.Empty(h.Since<CreateOffer>(before));

        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal(1, h.Remote("B").Generation);
        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(before)));
        var offered = h.Checkpoint;
        Deliver(h, LocalOffer, "with the mic");
        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "with the mic", false, NextSequence)), Assert.Single(h.Sent<RelaySignalMessage>(offered)));
    }

    [Theory]
    [InlineData(NegotiationState.HaveLocalOfferMakingOffer)]
    public void Each_ladder_attempt_asks_for_a_restart_offer_while_the_last_one_is_still_being_made(object stateCase)
    {
        var state = (NegotiationState)stateCase;
        var h = Reach(state, polite: false);
        var before = h.Checkpoint;

        var offer = h.AdvanceUntil<CreateOffer>(TimeSpan.FromMinutes(1));

        Assert.Equal(new CreateOffer("B", 1), offer);
        Assert.Equal(offer, h.RestartOffers(before).Single());
        Assert.Equal(2, Assert.Single(h.Since<IceRestartStartedNotice>(before)).Attempt);
    }

    [Fact]
    public void Of_two_answers_asked_before_an_ice_restart_only_the_one_to_the_newest_offer_is_sent_and_the_restart_offer_follows_it()
    {
        var h = Reach(NegotiationState.HaveRemoteOffer, polite: true);
        h.Signal("B", new OfferSignal(1, "newer", false, NextSequence + 1));
        h.Ice("B", IceConnectionState.Failed);
        var before = h.Checkpoint;

        Deliver(h, LocalAnswer, "to the first");
        Deliver(h, LocalAnswer, "to the newer");

        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(before)));

        Assert.Equal(new InputIgnoredNotice("local answer for B", "superseded: a newer remote offer awaits its answer"), Assert.Single(h.Since<InputIgnoredNotice>(before)));
        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(1, "to the newer", NextSequence + 1)), Assert.Single(h.Sent<RelaySignalMessage>(before)));
    }

    [Fact]
    public void While_a_restart_offer_is_made_a_stale_answer_is_dropped_and_the_answer_to_the_pending_offer_applied()
    {
        var h = Reach(NegotiationState.HaveLocalOfferMakingOffer, polite: false);
        var before = h.Checkpoint;

        Deliver(h, RemoteAnswer, "stale", sequence: 7);
        Deliver(h, RemoteAnswer, "current", sequence: NextSequence);

        Assert.Equal(
            new InputIgnoredNotice("answer from B to offer 7", $"stale answer: it answers a superseded offer (the pending offer is {NextSequence})"),
            Assert.Single(h.Since<InputIgnoredNotice>(before)));
        Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Answer, "current")), Assert.Single(h.Since<SetRemoteDescription>(before)));
        Assert.Empty(h.Since<CreateOffer>(before));
    }

    [Theory]
    [InlineData(NegotiationState.Stable, 1, NegotiationState.MakingOffer)]
    [InlineData(NegotiationState.HaveRemoteOffer, 0, NegotiationState.HaveRemoteOffer)]
    [InlineData(NegotiationState.HaveLocalOfferMakingOffer, 0, NegotiationState.HaveLocalOfferMakingOffer)]
    public void An_offer_of_an_older_generation_asks_for_an_offer_on_the_live_one_unless_one_is_being_made_or_an_answer_is_owed(object stateCase, int offers, object leadsToCase)
    {
        var state = (NegotiationState)stateCase;
        var leadsTo = (NegotiationState)leadsToCase;
        var h = OnRebuiltGeneration(state);
        var before = h.Checkpoint;

        h.Signal("B", new OfferSignal(1, "on the old connection", true, 3));

        Assert.Equal(offers, h.Since<CreateOffer>(before).Count());
        Assert.All(h.Since<CreateOffer>(before), o => Assert.Equal(new CreateOffer("B", 2), o));
        Assert.Empty(h.Since<SetRemoteDescription>(before));
        Assert.Equal(leadsTo, NegotiationProbe.StateSeen(h, generation: 2));
    }

    [Fact]
    public void An_offer_of_an_older_generation_while_an_answer_is_owed_is_followed_by_an_offer_on_the_live_one_once_the_answer_is_applied()
    {
        var h = OnRebuiltGeneration(NegotiationState.HaveRemoteOffer);
        h.Signal("B", new OfferSignal(1, "on the old connection", true, 3));
        var before = h.Checkpoint;

        h.LocalDescription("B", 2, SdpType.Answer, "answer to theirs");

        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(2, "answer to theirs", 1)), Assert.Single(h.Sent<RelaySignalMessage>(before)));
        Assert.Equal(new CreateOffer("B", 2), Assert.Single(h.Since<CreateOffer>(before)));
    }

    /// <summary>The polite side "C" after a reconnect rebuilt its connection to "B" as generation 2 and offered on it, in a negotiation state there.</summary>
    private static EngineHarness OnRebuiltGeneration(NegotiationState state)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("C", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B"));
        Assert.Equal(new CreateOffer("B", 2), h.Last<CreateOffer>());
        h.LocalDescription("B", 2, SdpType.Offer, "rebuild offer");
        if (state == NegotiationState.HaveLocalOfferMakingOffer)
        {
            h.Signal("B", new OfferSignal(1, "missed the rebuild", false, 2));
            return h;
        }

        h.Signal("B", new AnswerSignal(2, "rebuild answer", 1));
        if (state != NegotiationState.Stable)
        {
            h.Signal("B", new OfferSignal(2, "theirs", false, 1));
        }

        return h;
    }

    /// <summary>Completes the exchanges under way in a state and returns the checkpoint before the step that ends the last one.</summary>
    private static int FinishExchanges(EngineHarness h, NegotiationState state)
    {
        switch (state)
        {
            case NegotiationState.MakingOffer:
                Deliver(h, LocalOffer, "made before the change");
                break;
            case NegotiationState.HaveLocalOffer:
                break;
            case NegotiationState.HaveLocalOfferMakingOffer:
                Deliver(h, RemoteAnswer, "to the first offer", sequence: NextSequence);
                h.LocalDescription("B", 1, SdpType.Offer, "restart");
                break;
            case NegotiationState.HaveRemoteOffer:
                var answered = h.Checkpoint;
                Deliver(h, LocalAnswer, "mine");
                return answered;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, "no exchange under way");
        }

        var last = h.Checkpoint;
        var pending = ((OfferSignal)h.LastSent<RelaySignalMessage>().Payload).OfferSequence;
        Deliver(h, RemoteAnswer, "to the last offer", pending);
        return last;
    }
}

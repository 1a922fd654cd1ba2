using Reconnect.Core.Engine;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using static Reconnect.Core.Tests.Engine.NegotiationPaths;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// A created local description is applied (SetLocalDescription) before anything goes out, and what goes out on
/// signalling is the description the media layer reports applied; an ICE restart is RestartIce then CreateOffer; an
/// applied description the exchange no longer wants, of a stale generation or for a departed peer, is ignored by rule.
/// </summary>
public sealed class DescriptionApplyRuleTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_offer_is_applied_before_it_is_sent_and_what_is_sent_is_the_applied_offer(bool polite)
    {
        var h = Reach(NegotiationState.MakingOffer, polite);
        var before = h.Checkpoint;

        var created = h.Feed(new LocalDescriptionCreated("B", 1, new SessionDescription(SdpType.Offer, "created")));

        Assert.Equal(new SetLocalDescription("B", 1, new SessionDescription(SdpType.Offer, "created")), Assert.Single(created.OfType<SetLocalDescription>()));
        Assert.Empty(h.Sent<RelaySignalMessage>(before));

        h.Feed(new LocalDescriptionApplied("B", 1, new SessionDescription(SdpType.Offer, "applied")));

        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "applied", false, NextSequence)), Assert.Single(h.Sent<RelaySignalMessage>(before)));
        Assert.Equal(NegotiationState.HaveLocalOffer, NegotiationProbe.StateSeen(h));
    }

    [Theory]
    [InlineData(NegotiationState.HaveRemoteOffer)]
    public void An_answer_is_applied_before_it_is_sent_and_what_is_sent_is_the_applied_answer(object stateCase)
    {
        var h = Reach((NegotiationState)stateCase, polite: true);
        var before = h.Checkpoint;

        var created = h.Feed(new LocalDescriptionCreated("B", 1, new SessionDescription(SdpType.Answer, "created")));

        Assert.Equal(new SetLocalDescription("B", 1, new SessionDescription(SdpType.Answer, "created")), Assert.Single(created.OfType<SetLocalDescription>()));
        Assert.Empty(h.Sent<RelaySignalMessage>(before));

        h.Feed(new LocalDescriptionApplied("B", 1, new SessionDescription(SdpType.Answer, "applied")));

        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(1, "applied", NextSequence)), Assert.Single(h.Sent<RelaySignalMessage>(before)));
    }

    [Theory]
    [InlineData(NegotiationState.Stable)]
    [InlineData(NegotiationState.MakingOffer)]
    [InlineData(NegotiationState.HaveLocalOffer)]
    public void An_ice_restart_asks_RestartIce_then_CreateOffer_and_flags_the_offer_sent_after_it(object stateCase)
    {
        var h = Reach((NegotiationState)stateCase, polite: false);
        var before = h.Checkpoint;

        h.Ice("B", IceConnectionState.Failed);

        var asked = h.Since<EngineEffect>(before).Where(e => e is RestartIce or CreateOffer).ToList();
        Assert.Equal([new RestartIce("B", 1), new CreateOffer("B", 1)], asked);
        TheRestartOfferIsSentFlagged(h);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_ice_restart_while_a_remote_offer_awaits_its_answer_restarts_ice_at_once_and_offers_only_once_the_answer_is_applied(bool polite)
    {
        var h = Reach(NegotiationState.HaveRemoteOffer, polite);
        var before = h.Checkpoint;

        h.Ice("B", IceConnectionState.Failed);
        h.Feed(new LocalDescriptionCreated("B", 1, new SessionDescription(SdpType.Answer, "answer")));

        Assert.Equal([new RestartIce("B", 1)], h.Since<EngineEffect>(before).Where(e => e is RestartIce or CreateOffer).ToList());
        var applied = h.Checkpoint;
        h.Feed(new LocalDescriptionApplied("B", 1, new SessionDescription(SdpType.Answer, "answer")));

        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(1, "answer", NextSequence)), Assert.Single(h.Sent<RelaySignalMessage>(applied)));
        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(applied)));
        TheRestartOfferIsSentFlagged(h);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_applied_offer_the_exchange_no_longer_wants_is_ignored_and_sends_nothing(bool yielded)
    {
        var h = Reach(NegotiationState.MakingOffer, polite: true);
        h.Feed(new LocalDescriptionCreated("B", 1, new SessionDescription(SdpType.Offer, "mine")));
        if (yielded)
        {
            h.Signal("B", new OfferSignal(1, "theirs", false, NextSequence));
        }
        else
        {
            h.DropSocket();
            h.Feed(new MediaOperationFailed("B", 1, MediaOperation.SetRemoteDescription, "failed"));
        }

        var before = h.Checkpoint;
        var applied = h.Feed(new LocalDescriptionApplied("B", 1, new SessionDescription(SdpType.Offer, "mine")));

        Assert.Equal(new InputIgnoredNotice("applied local offer for B", "the offer was abandoned (glare or rebuild)"), Assert.Single(applied.OfType<InputIgnoredNotice>()));
        Assert.Empty(h.Sent<RelaySignalMessage>(before));
    }

    [Theory]
    [InlineData(NegotiationState.Stable)]
    [InlineData(NegotiationState.MakingOffer)]
    [InlineData(NegotiationState.HaveLocalOffer)]
    [InlineData(NegotiationState.HaveLocalOfferMakingOffer)]
    public void An_applied_answer_with_no_remote_offer_pending_is_ignored_and_sends_nothing(object stateCase)
    {
        var h = Reach((NegotiationState)stateCase, polite: false);
        var before = h.Checkpoint;

        var applied = h.Feed(new LocalDescriptionApplied("B", 1, new SessionDescription(SdpType.Answer, "stray")));

        Assert.Equal(new InputIgnoredNotice("applied local answer for B", "no remote offer is pending"), Assert.Single(applied.OfType<InputIgnoredNotice>()));
        Assert.Empty(h.Sent<RelaySignalMessage>(before));
        Assert.Empty(h.Since<SetLocalDescription>(before));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_answer_applied_after_a_newer_remote_offer_came_is_dropped_in_place_and_only_the_newest_answer_is_sent(bool restartBetween)
    {
        var h = Reach(NegotiationState.HaveRemoteOffer, polite: true);
        h.Feed(new LocalDescriptionCreated("B", 1, new SessionDescription(SdpType.Answer, "to the first")));
        h.Signal("B", new OfferSignal(1, "newer", false, 2));
        if (restartBetween)
        {
            h.Ice("B", IceConnectionState.Failed);
        }

        var before = h.Checkpoint;

        var applied = h.Feed(new LocalDescriptionApplied("B", 1, new SessionDescription(SdpType.Answer, "to the first")));

        Assert.Equal(new InputIgnoredNotice("applied local answer for B", "superseded: a newer remote offer awaits its answer"), Assert.Single(applied.OfType<InputIgnoredNotice>()));
        Assert.Empty(h.Sent<RelaySignalMessage>(before));
        Assert.Equal(NegotiationState.HaveRemoteOffer, NegotiationProbe.StateSeen(h));
        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(1, "probe local answer", 2)), Assert.Single(h.Sent<RelaySignalMessage>(before), m => m.Payload is AnswerSignal));
    }

    [Theory]
    [InlineData(SdpType.Offer)]
    [InlineData(SdpType.Answer)]
    public void An_applied_description_of_a_stale_generation_is_ignored_by_rule(SdpType type)
    {
        var h = Reach(NegotiationState.MakingOffer, polite: false);
        h.Feed(new LocalDescriptionCreated("B", 1, new SessionDescription(type, "old")));
        h.Signal("B", new OfferSignal(2, "rebuilt by remote", false, 1));
        Assert.Equal(2, h.Remote("B").Generation);
        var before = h.Describe();
        var checkpoint = h.Checkpoint;

        var applied = h.Feed(new LocalDescriptionApplied("B", 1, new SessionDescription(type, "old")));

        Assert.Equal(new InputIgnoredNotice("applied local description for B generation 1", "stale generation (live is 2)"), Assert.Single(applied));
        Assert.Equal(before, h.Describe());
        Assert.Empty(h.Sent<RelaySignalMessage>(checkpoint));
    }

    [Fact]
    public void An_applied_description_for_a_peer_that_left_is_ignored_by_rule()
    {
        var h = Reach(NegotiationState.MakingOffer, polite: false);
        h.Feed(new LocalDescriptionCreated("B", 1, new SessionDescription(SdpType.Offer, "mine")));
        h.ServerSends(new PeerLeftMessage("B", h.Remote("B").SessionId, "left"));

        var applied = h.Feed(new LocalDescriptionApplied("B", 1, new SessionDescription(SdpType.Offer, "mine")));

        Assert.Equal(new InputIgnoredNotice("applied local description for B", "unknown or departed peer"), Assert.Single(applied));
    }

    /// <summary>Delivers the restart offer the engine asked for: it goes out flagged as an ICE restart, numbered next.</summary>
    private static void TheRestartOfferIsSentFlagged(EngineHarness h)
    {
        var sequence = OffersSent(h) + 1;
        var sent = h.Checkpoint;
        h.LocalDescription("B", 1, SdpType.Offer, "restart");
        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "restart", true, sequence)), Assert.Single(h.Sent<RelaySignalMessage>(sent)));
    }

    /// <summary>Offers sent to B so far on its live generation (the sequence the last one carried).</summary>
    private static int OffersSent(EngineHarness h) =>
        h.Sent<RelaySignalMessage>().Select(m => m.Payload).OfType<OfferSignal>().Where(o => o.Generation == h.Remote("B").Generation).Select(o => o.OfferSequence).DefaultIfEmpty(0).Max();
}

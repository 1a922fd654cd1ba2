using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// A side that has answered on a connection and had none of its own offers answered must never roll its offer back
/// (Chromium then shows no remote video on that connection again). Its offers say so (<see cref="OfferSignal.OnlyAnswered"/>);
/// in glare the polite side keeps such an offer and the impolite side yields to it, then makes its own offer again,
/// restarting ICE again if the offer it dropped restarted ICE (having yielded before any answer, it has only answered
/// itself then, and says so). A side that has only answered never supersedes its pending offer (an ICE restart restarts
/// ICE at once and is offered after the answer), so that answer applies and it stops having only answered. Both sides decide from the same fact, so they agree
/// without a round trip.
/// </summary>
public sealed class OnlyAnsweredGlareRuleTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_polite_side_that_has_only_answered_keeps_its_offer_in_glare_and_its_answer_applies(bool offerSent)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("C", "room", EngineHarness.Peer("B"));
        h.Signal("B", new OfferSignal(1, "their first", false, 1));
        h.LocalDescription("B", 1, SdpType.Answer, "my answer");
        var offering = h.Checkpoint;
        if (offerSent)
        {
            h.LocalDescription("B", 1, SdpType.Offer, "my first");
        }

        var colliding = h.Checkpoint;
        h.Signal("B", new OfferSignal(1, "their restart", true, 2));

        Assert.Empty(h.Since<SetRemoteDescription>(colliding));
        Assert.Empty(h.Since<CreateAnswer>(colliding));
        Assert.Equal(
            new InputIgnoredNotice("offer from B", "glare: having only answered on this connection, the polite side keeps its own offer"),
            Assert.Single(h.Since<InputIgnoredNotice>(colliding)));
        Assert.Contains(CoverageMarks.GlareOnlyAnsweredKeeps, h.Engine.Coverage.Keys);
        if (!offerSent)
        {
            h.LocalDescription("B", 1, SdpType.Offer, "my first");
        }

        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "my first", false, 1, OnlyAnswered: true)), Assert.Single(h.Sent<RelaySignalMessage>(offering)));
        var answered = h.Checkpoint;
        h.Signal("B", new AnswerSignal(1, "their answer", 1));
        Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Answer, "their answer")), Assert.Single(h.Since<SetRemoteDescription>(answered)));

        var next = h.Checkpoint;
        h.Signal("B", new OfferSignal(1, "their restart again", true, 3));
        h.LocalDescription("B", 1, SdpType.Answer, "my second answer");
        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(1, "my second answer", 3)), Assert.Single(h.Sent<RelaySignalMessage>(next)));
    }

    [Fact]
    public void A_side_that_has_only_answered_restarts_ice_at_once_but_offers_the_restart_only_after_the_answer_to_its_pending_offer()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("C", "room", EngineHarness.Peer("B"));
        h.Signal("B", new OfferSignal(1, "their first", false, 1));
        h.LocalDescription("B", 1, SdpType.Answer, "my answer");
        h.LocalDescription("B", 1, SdpType.Offer, "my first");
        var failing = h.Checkpoint;

        h.Ice("B", IceConnectionState.Failed);

        Assert.Equal(new RestartIce("B", 1), Assert.Single(h.Since<RestartIce>(failing)));
        Assert.Empty(h.Since<CreateOffer>(failing));
        var answered = h.Checkpoint;
        h.Signal("B", new AnswerSignal(1, "their answer", 1));
        Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Answer, "their answer")), Assert.Single(h.Since<SetRemoteDescription>(answered)));
        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(answered)));
        h.LocalDescription("B", 1, SdpType.Offer, "restart");
        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "restart", true, 2)), Assert.Single(h.Sent<RelaySignalMessage>(answered)));
    }

    [Fact]
    public void An_impolite_side_whose_restart_crossed_the_polite_sides_first_offer_yields_to_it_and_restarts_ice_again_after_its_answer()
    {
        var h = NegotiationPaths.ImpoliteAskedToRestartBeforeItsFirstAnswer();
        h.LocalDescription("B", 1, SdpType.Offer, "restart");
        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "restart", true, 2)), h.LastSent<RelaySignalMessage>());
        h.Signal("B", new AnswerSignal(1, "answer to the first", 1));

        var yielding = h.Checkpoint;
        h.Signal("B", new OfferSignal(1, "their first", false, 1, OnlyAnswered: true));

        Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Offer, "their first")), Assert.Single(h.Since<SetRemoteDescription>(yielding)));
        Assert.Equal(new CreateAnswer("B", 1), Assert.Single(h.Since<CreateAnswer>(yielding)));
        Assert.Equal(new RestartIce("B", 1), Assert.Single(h.Since<RestartIce>(yielding)));
        Assert.Contains(CoverageMarks.GlareYieldToOnlyAnswered, h.Engine.Coverage.Keys);

        var answering = h.Checkpoint;
        h.LocalDescription("B", 1, SdpType.Answer, "my answer");
        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(1, "my answer", 1)), Assert.Single(h.Sent<RelaySignalMessage>(answering)));
        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(answering)));
        var offered = h.Checkpoint;
        h.LocalDescription("B", 1, SdpType.Offer, "restart again");
        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "restart again", true, 3, OnlyAnswered: true)), Assert.Single(h.Sent<RelaySignalMessage>(offered)));
    }

    [Fact]
    public void An_impolite_side_that_yields_a_plain_offer_makes_it_again_without_restarting_ice()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        h.LocalDescription("B", 1, SdpType.Offer, "first");

        var yielding = h.Checkpoint;
        h.Signal("B", new OfferSignal(1, "their first", false, 1, OnlyAnswered: true));
        h.LocalDescription("B", 1, SdpType.Answer, "my answer");
        h.LocalDescription("B", 1, SdpType.Offer, "first again");

        Assert.Empty(h.Since<RestartIce>(yielding));
        Assert.Equal(
            [new RelaySignalMessage("B", new AnswerSignal(1, "my answer", 1)), new RelaySignalMessage("B", new OfferSignal(1, "first again", false, 2, OnlyAnswered: true))],
            h.Sent<RelaySignalMessage>(yielding));
    }

    [Fact]
    public void An_impolite_side_keeps_its_offer_against_one_whose_sender_has_had_an_offer_answered()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        h.LocalDescription("B", 1, SdpType.Offer, "first");

        var colliding = h.Checkpoint;
        h.Signal("B", new OfferSignal(1, "theirs", false, 1));

        Assert.Empty(h.Since<SetRemoteDescription>(colliding));
        Assert.Empty(h.Since<CreateAnswer>(colliding));
        Assert.Equal(new InputIgnoredNotice("offer from B", "glare: the impolite side keeps its own offer"), Assert.Single(h.Since<InputIgnoredNotice>(colliding)));
    }

    [Fact]
    public void An_offer_says_its_sender_has_only_answered_until_one_of_its_offers_is_answered()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        h.Signal("B", new OfferSignal(2, "their rebuild", false, 1));
        h.LocalDescription("B", 2, SdpType.Answer, "my answer");
        var changing = h.Checkpoint;

        h.Feed(new LocalStreamAdded(new StreamInfo("cam", EngineHarness.Meta())));
        h.LocalDescription("B", 2, SdpType.Offer, "with the camera");
        h.Signal("B", new AnswerSignal(2, "their answer", 1));
        h.Feed(new LocalStreamAdded(new StreamInfo("mic", EngineHarness.Meta())));
        h.LocalDescription("B", 2, SdpType.Offer, "with the mic");

        Assert.Equal(
            [new OfferSignal(2, "with the camera", false, 1, OnlyAnswered: true), new OfferSignal(2, "with the mic", false, 2)],
            h.Sent<RelaySignalMessage>(changing).Select(m => m.Payload));
    }
}

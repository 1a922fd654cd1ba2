using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// The side that yields in glare has offered first: a polite side that has only answered on a generation makes one offer
/// of its own right after its answer, and an impolite side whose offer was answered holds its own offers (ICE restarts
/// and local changes) until it has taken that offer. Chromium loses the remote video for good when a connection that has
/// only answered rolls back its own offer, so the polite side must never meet glare before one of its offers was answered.
/// </summary>
public sealed class PoliteFirstOfferRuleTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_polite_side_that_has_only_answered_offers_once_right_after_its_answer_and_not_again(int generation)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("C", "room", EngineHarness.Peer("B"));
        h.Signal("B", new OfferSignal(generation, "their first", false, 1));
        var answering = h.Checkpoint;

        h.LocalDescription("B", generation, SdpType.Answer, "my answer");

        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(generation, "my answer", 1)), Assert.Single(h.Sent<RelaySignalMessage>(answering)));
        Assert.Equal(new CreateOffer("B", generation), Assert.Single(h.Since<CreateOffer>(answering)));
        var offering = h.Checkpoint;
        h.LocalDescription("B", generation, SdpType.Offer, "my first");
        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(generation, "my first", false, 1, OnlyAnswered: true)), Assert.Single(h.Sent<RelaySignalMessage>(offering)));
        h.Signal("B", new AnswerSignal(generation, "their answer", 1));

        var later = h.Checkpoint;
        h.Signal("B", new OfferSignal(generation, "their second", false, 2));
        h.LocalDescription("B", generation, SdpType.Answer, "my second answer");
        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(generation, "my second answer", 2)), Assert.Single(h.Sent<RelaySignalMessage>(later)));
        Assert.Empty(h.Since<CreateOffer>(later));
    }

    [Fact]
    public void A_polite_side_that_yields_its_own_first_offer_offers_again_after_its_answer()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("C", "room", EngineHarness.Peer("B"));
        h.Feed(new LocalStreamAdded(new StreamInfo("cam", EngineHarness.Meta())));
        h.LocalDescription("B", 1, SdpType.Offer, "yielded");
        h.Signal("B", new OfferSignal(1, "colliding", false, 1));
        var answering = h.Checkpoint;

        h.LocalDescription("B", 1, SdpType.Answer, "my answer");

        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(answering)));
        Assert.Contains(CoverageMarks.GlarePoliteYields, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void A_polite_sides_first_offer_that_signalling_down_held_goes_once_the_reconcile_keeps_the_connection()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("C", "room", EngineHarness.Peer("B"));
        h.Signal("B", new OfferSignal(1, "their first", false, 1));
        h.MediaConnected("B");
        h.DropSocket();
        var down = h.Checkpoint;
        h.LocalDescription("B", 1, SdpType.Answer, "my answer");
        Assert.Empty(h.Since<CreateOffer>(down));

        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal(1, h.Remote("B").Generation);
        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(down)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_impolite_side_whose_offer_was_answered_holds_its_own_until_it_answered_the_polite_sides_first(bool iceRestart)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        h.LocalDescription("B", 1, SdpType.Offer, "first");
        h.Signal("B", new AnswerSignal(1, "their answer", 1));
        h.MediaConnected("B");
        var held = h.Checkpoint;

        Change(h, iceRestart);

        Assert.Empty(h.Since<CreateOffer>(held));
        Assert.Equal(iceRestart ? [new RestartIce("B", 1)] : [], h.Since<RestartIce>(held));
        TheHeldOfferFollowsTheAnswerToThePoliteSidesFirst(h, iceRestart);
    }

    [Fact]
    public void A_restart_offer_asked_before_the_answer_to_the_impolite_sides_first_offer_waits_for_the_polite_sides_first()
    {
        var h = NegotiationPaths.ImpoliteAskedToRestartBeforeItsFirstAnswer();
        h.Signal("B", new AnswerSignal(1, "their answer", 1));
        var made = h.Checkpoint;
        h.LocalDescription("B", 1, SdpType.Offer, "restart made too late");

        Assert.Empty(h.Sent<RelaySignalMessage>(made));
        Assert.Equal(new InputIgnoredNotice("local offer for B", "the offer was abandoned (glare or rebuild)"), Assert.Single(h.Since<InputIgnoredNotice>(made)));
        TheHeldOfferFollowsTheAnswerToThePoliteSidesFirst(h, iceRestart: true);
    }

    [Fact]
    public void An_impolite_side_none_of_whose_offers_was_answered_still_offers_an_ice_restart()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        h.Feed(new MediaOperationFailed("B", 1, MediaOperation.CreateOffer, "failed"));
        var restarted = h.Checkpoint;

        h.AdvanceUntil<CreateOffer>(TimeSpan.FromMinutes(1));
        h.LocalDescription("B", 1, SdpType.Offer, "restart");

        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "restart", true, 1)), Assert.Single(h.Sent<RelaySignalMessage>(restarted)));
    }

    /// <summary>The polite side's first offer arrives and is answered: the offer held goes out right after, numbered 2.</summary>
    private static void TheHeldOfferFollowsTheAnswerToThePoliteSidesFirst(EngineHarness h, bool iceRestart)
    {
        h.Signal("B", new OfferSignal(1, "their first", false, 1));
        var answered = h.Checkpoint;
        h.LocalDescription("B", 1, SdpType.Answer, "my answer");
        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.Since<CreateOffer>(answered)));
        var offered = h.Checkpoint;
        h.LocalDescription("B", 1, SdpType.Offer, "held");
        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "held", iceRestart, 2)), Assert.Single(h.Sent<RelaySignalMessage>(offered)));
    }

    private static void Change(EngineHarness h, bool iceRestart)
    {
        if (iceRestart)
        {
            h.Ice("B", IceConnectionState.Failed);
        }
        else
        {
            h.Feed(new LocalStreamAdded(new StreamInfo("cam", EngineHarness.Meta())));
        }
    }
}

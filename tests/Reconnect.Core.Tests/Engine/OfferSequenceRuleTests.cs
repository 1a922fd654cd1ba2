using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>Every offer is numbered within its generation and an answer applies only to the offer it answers (JSEP).</summary>
public sealed class OfferSequenceRuleTests
{
    private const int RestartOffers = 3;

    [Fact]
    public void Offers_are_numbered_from_1_within_each_generation()
    {
        var h = OfferingSideWithRestartOffersPending();

        Assert.Equal([1, 2, 3, 4], h.Sent<RelaySignalMessage>().Select(m => m.Payload).OfType<OfferSignal>().Select(o => o.OfferSequence));
        h.Signal("B", new OfferSignal(2, "rebuilt", false, 1));
        h.LocalDescription("B", 2, SdpType.Answer, "answer on 2");
        h.Feed(new LocalStreamAdded(new StreamInfo("cam", EngineHarness.Meta())));
        h.LocalDescription("B", 2, SdpType.Offer, "first offer on 2");

        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(2, "first offer on 2", false, 1, OnlyAnswered: true)), h.LastSent<RelaySignalMessage>());
    }

    [Fact]
    public void Answers_to_every_pending_restart_offer_in_any_order_apply_only_the_answer_to_the_newest_offer()
    {
        var sequences = Enumerable.Range(2, RestartOffers).ToList();
        foreach (var order in Permutations(sequences))
        {
            var h = OfferingSideWithRestartOffersPending();
            var before = h.Checkpoint;

            foreach (var sequence in order)
            {
                h.Signal("B", new AnswerSignal(1, $"answer {sequence}", sequence));
            }

            var newest = sequences[^1];
            var because = $"answers in the order {string.Join(",", order)}";
            Assert.True(
                new[] { new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Answer, $"answer {newest}")) }.SequenceEqual(h.Since<SetRemoteDescription>(before)),
                because);
            Assert.True(h.Since<InputIgnoredNotice>(before).Count() == RestartOffers - 1, because);
            Assert.True(h.Since<InputIgnoredNotice>(before).All(i => i.Input.StartsWith("answer from B", StringComparison.Ordinal)), because);
        }
    }

    [Fact]
    public void An_answer_to_a_superseded_offer_is_ignored_as_stale_and_the_newest_offer_stays_pending()
    {
        var h = OfferingSideWithRestartOffersPending();
        var before = h.Checkpoint;

        h.Signal("B", new AnswerSignal(1, "answer 2", 2));

        Assert.Empty(h.Since<SetRemoteDescription>(before));
        Assert.Contains("stale answer", Assert.Single(h.Since<InputIgnoredNotice>(before)).Reason, StringComparison.Ordinal);
        h.Signal("B", new AnswerSignal(1, "answer 4", 4));
        Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Answer, "answer 4")), Assert.Single(h.Since<SetRemoteDescription>(before)));
    }

    [Fact]
    public void An_unnumbered_answer_applies_to_the_pending_offer()
    {
        var h = OfferingSideWithRestartOffersPending();
        var before = h.Checkpoint;

        h.Signal("B", new AnswerSignal(1, "unnumbered"));

        Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Answer, "unnumbered")), Assert.Single(h.Since<SetRemoteDescription>(before)));
    }

    [Fact]
    public void Answering_side_given_several_offers_at_once_sends_only_the_answer_to_the_newest_echoing_its_sequence()
    {
        var h = new EngineHarness().Join("C", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");
        var before = h.Checkpoint;

        for (var sequence = 1; sequence <= 3; sequence++)
        {
            h.Signal("B", new OfferSignal(1, $"offer {sequence}", true, sequence));
        }

        for (var sequence = 1; sequence <= 3; sequence++)
        {
            h.LocalDescription("B", 1, SdpType.Answer, $"answer {sequence}");
        }

        Assert.Equal(3, h.Since<CreateAnswer>(before).Count());
        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(1, "answer 3", 3)), Assert.Single(h.Sent<RelaySignalMessage>(before)));
        Assert.Equal(2, h.Since<InputIgnoredNotice>(before).Count(i => i.Reason.StartsWith("superseded", StringComparison.Ordinal)));
    }

    [Fact]
    public void Answering_side_answers_each_offer_that_arrives_after_the_previous_answer_with_its_own_sequence()
    {
        var h = new EngineHarness().Join("C", "room", EngineHarness.Peer("B"));
        NegotiationPaths.Establish(h, polite: true);
        var before = h.Checkpoint;

        foreach (var sequence in new[] { 2, 3 })
        {
            h.Signal("B", new OfferSignal(1, $"offer {sequence}", sequence == 3, sequence));
            h.LocalDescription("B", 1, SdpType.Answer, $"answer {sequence}");
        }

        Assert.Equal(
            [new RelaySignalMessage("B", new AnswerSignal(1, "answer 2", 2)), new RelaySignalMessage("B", new AnswerSignal(1, "answer 3", 3))],
            h.Sent<RelaySignalMessage>(before));
    }

    [Fact]
    public void Glare_on_numbered_offers_is_still_resolved_the_impolite_offer_wins_and_its_answer_applies()
    {
        var impolite = OfferingSideWithRestartOffersPending();
        var before = impolite.Checkpoint;
        impolite.Signal("B", new OfferSignal(1, "colliding restart", true, 2));
        Assert.Empty(impolite.Since<CreateAnswer>(before));
        impolite.Signal("B", new AnswerSignal(1, "answer 4", 4));
        Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Answer, "answer 4")), Assert.Single(impolite.Since<SetRemoteDescription>(before)));

        var polite = new EngineHarness().Join("C", "room", EngineHarness.Peer("B"));
        polite.Feed(new LocalStreamAdded(new StreamInfo("cam", EngineHarness.Meta())));
        polite.LocalDescription("B", 1, SdpType.Offer, "my offer");
        var yielded = polite.Checkpoint;
        polite.Signal("B", new OfferSignal(1, "their offer", false, 5));
        polite.LocalDescription("B", 1, SdpType.Answer, "my answer");
        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(1, "my answer", 5)), Assert.Single(polite.Sent<RelaySignalMessage>(yielded)));
    }

    /// <summary>The impolite side A, connected to B, both first offers answered, and <see cref="RestartOffers"/> restart offers sent and unanswered.</summary>
    private static EngineHarness OfferingSideWithRestartOffersPending()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        NegotiationPaths.Establish(h, polite: false);
        h.MediaConnected("B");
        h.Ice("B", IceConnectionState.Failed);
        for (var attempt = 1; attempt <= RestartOffers; attempt++)
        {
            if (attempt > 1)
            {
                h.AdvanceUntil<CreateOffer>(TimeSpan.FromMinutes(1));
            }

            h.LocalDescription("B", 1, SdpType.Offer, $"restart {attempt}");
        }

        return h;
    }

    private static IEnumerable<IReadOnlyList<int>> Permutations(IReadOnlyList<int> items) =>
        items.Count <= 1
            ? [items]
            : items.SelectMany((item, i) => Permutations([.. items.Where((_, j) => j != i)]).Select(rest => (IReadOnlyList<int>)rest.Prepend(item).ToList()));
}

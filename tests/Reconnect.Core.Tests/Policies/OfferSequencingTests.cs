using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Policies;

public sealed class OfferSequencingTests
{
    [Theory]
    [InlineData(3, 3, true)]
    [InlineData(0, 3, true)]
    [InlineData(0, 0, true)]
    [InlineData(2, 3, false)]
    [InlineData(4, 3, false)]
    [InlineData(1, 0, false)]
    public void An_answer_belongs_to_the_pending_offer_when_it_echoes_its_sequence_or_is_unnumbered(int answered, int pending, bool belongs) =>
        Assert.Equal(belongs, OfferSequencing.AnswersPendingOffer(answered, pending));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public void A_created_answer_is_superseded_while_another_asked_answer_is_still_to_come(int answersAwaited, bool superseded) =>
        Assert.Equal(superseded, OfferSequencing.NewerOfferAwaitsAnswer(answersAwaited));
}

namespace Reconnect.Core.Policies;

/// <summary>
/// Which offer an answer belongs to (JSEP): offers are numbered from 1 within each connection generation, an answer
/// echoes the number of the offer it answers, and only the exchange with the newest offer counts.
/// </summary>
internal static class OfferSequencing
{
    /// <summary>
    /// True when a remote answer answers the local offer pending now: it echoes that offer's sequence, or it is
    /// unnumbered (0, from a peer that does not number its answers) and is taken for the pending offer.
    /// </summary>
    public static bool AnswersPendingOffer(int answeredSequence, int pendingSequence) =>
        answeredSequence == 0 || answeredSequence == pendingSequence;

    /// <summary>
    /// True when, with <paramref name="answersAwaited"/> answers asked of the media layer (one per remote offer applied),
    /// the answer just created is not the one to the newest offer: another is still to come.
    /// </summary>
    public static bool NewerOfferAwaitsAnswer(int answersAwaited) => answersAwaited > 1;
}

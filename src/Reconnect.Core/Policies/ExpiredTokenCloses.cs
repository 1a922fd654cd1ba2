namespace Reconnect.Core.Policies;

/// <summary>
/// Fresh tokens refused as expired: a socket refused at connect with 4002 <c>token_expired</c> (before any welcome) is
/// retried with a fresh token, until <see cref="TokenProviderOptions.ExpiredTokenCloseLimit"/> of them come in a row
/// with no welcome between them; that one is terminal, since the provider hands out only expired tokens. A 4002 on a
/// welcomed socket (a token that expired during the call) and other closes neither count nor break the run. Pure.
/// </summary>
internal static class ExpiredTokenCloses
{
    /// <summary>How the engine treats a close, given the expired-token refusals since the last welcome; and the count after it.</summary>
    /// <param name="close">The close as classified by its code.</param>
    /// <param name="refusedAtConnect">True when the socket closed before it was welcomed: the server refused the token it opened with.</param>
    /// <param name="sinceWelcome">The expired-token refusals since the last welcome.</param>
    /// <param name="limit">The refusals in a row that make the last one terminal.</param>
    public static (CloseClassification Close, int SinceWelcome) Count(CloseClassification close, bool refusedAtConnect, int sinceWelcome, int limit)
    {
        ArgumentNullException.ThrowIfNull(close);
        if (close.Code != CloseCodes.TokenExpired || !refusedAtConnect)
        {
            return (close, sinceWelcome);
        }

        var count = sinceWelcome + 1;
        return (count >= limit ? close with { Disposition = CloseDisposition.Terminal } : close, count);
    }
}

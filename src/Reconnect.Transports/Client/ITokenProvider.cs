namespace Reconnect;

/// <summary>
/// Fetches a fresh credential before every connect attempt. The engine bounds each call with
/// <c>ReconnectOptions.Token.FetchTimeout</c>; a late or failed answer counts as a failed attempt and is retried
/// with backoff. The token passed in is cancelled when a newer attempt starts or the client closes.
/// </summary>
public interface ITokenProvider
{
    /// <summary>Fetches a token and the STUN/TURN servers to use with it.</summary>
    ValueTask<TokenGrant> GetTokenAsync(CancellationToken cancellationToken);
}

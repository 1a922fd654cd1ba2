using System.Collections.Concurrent;

namespace Reconnect.Server.Auth;

/// <summary>
/// Tokens revoked by a terminal kick: a replay of one is refused with the kick's code until the token would have
/// expired anyway, after which its expiry refuses it. Thread-safe; expired records are dropped on each revoke.
/// </summary>
internal sealed class TokenRevocations(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (int Code, DateTimeOffset Until)> revoked = new(StringComparer.Ordinal);

    /// <summary>Revokes a token with the close code its replays get.</summary>
    public void Revoke(TokenClaims claims, int code)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var now = time.GetUtcNow();
        foreach (var (id, record) in revoked)
        {
            if (record.Until <= now)
            {
                revoked.TryRemove(id, out _);
            }
        }

        revoked[claims.TokenId] = (code, claims.Expires);
    }

    /// <summary>The code a revoked token is refused with, or null when it is not revoked.</summary>
    public int? CodeFor(string tokenId) => revoked.TryGetValue(tokenId, out var record) ? record.Code : null;
}

using System.Globalization;
using Reconnect.Core.Policies;

namespace Reconnect.Channel;

/// <summary>
/// Tokens that spell out their own claims, for tests, demos and the simulator (never for production, since anyone can
/// write one): <c>ok:&lt;account&gt;</c> for any channel, <c>ok:&lt;account&gt;:&lt;channel&gt;</c> for one
/// channel (a pattern such as <c>room-*</c> for several), either one written <c>ok@&lt;peer&gt;:...</c> for one peer id
/// only, <c>expired</c> (4002), <c>suspended</c> (4004); anything else is invalid (4001).
/// </summary>
public sealed class LiteralTokenValidator : ITokenValidator
{
    private const string OkPrefix = "ok:";
    private const string PeerBoundPrefix = "ok@";
    private const string ExpirySuffix = ";exp=";

    /// <summary>
    /// The expiry a token carries as a <c>;exp=&lt;unix ms&gt;</c> suffix (<c>ok:alice;exp=1700000000000</c>), or null when it
    /// carries none; the suffix is not part of the account or channel the token names.
    /// </summary>
    public static DateTimeOffset? ExpiryOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var at = token.LastIndexOf(ExpirySuffix, StringComparison.Ordinal);
        return at >= 0 && long.TryParse(token.AsSpan(at + ExpirySuffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
    }

    /// <summary>The token with its expiry: <c>ok:alice</c> expiring at <paramref name="expires"/> is <c>ok:alice;exp=&lt;unix ms&gt;</c>.</summary>
    public static string WithExpiry(string token, DateTimeOffset expires) =>
        string.Create(CultureInfo.InvariantCulture, $"{token}{ExpirySuffix}{expires.ToUnixTimeMilliseconds()}");

    /// <inheritdoc />
    public TokenCheck Validate(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (ExpiryOf(token) is not null)
        {
            token = token[..token.LastIndexOf(ExpirySuffix, StringComparison.Ordinal)];
        }

        if (token.StartsWith(PeerBoundPrefix, StringComparison.Ordinal))
        {
            return token[PeerBoundPrefix.Length..].Split(':', 2) switch
            {
                [{ Length: > 0 } peer, var rest] when Validate(OkPrefix + rest) is TokenAccepted grant => grant with { PeerId = peer },
                _ => new TokenRejected(CloseCodes.InvalidToken),
            };
        }

        if (token.StartsWith(OkPrefix, StringComparison.Ordinal))
        {
            return token[OkPrefix.Length..].Split(':', 2) switch
            {
                [{ Length: > 0 } account] => new TokenAccepted(account, null),
                [{ Length: > 0 } account, { Length: > 0 } channel] => new TokenAccepted(account, channel),
                _ => new TokenRejected(CloseCodes.InvalidToken),
            };
        }

        return token switch
        {
            "expired" => new TokenRejected(CloseCodes.TokenExpired),
            "suspended" => new TokenRejected(CloseCodes.AccountSuspended),
            _ => new TokenRejected(CloseCodes.InvalidToken),
        };
    }
}

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

    /// <inheritdoc />
    public TokenCheck Validate(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
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

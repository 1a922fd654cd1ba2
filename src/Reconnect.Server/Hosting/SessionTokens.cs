using Reconnect.Channel;
using Reconnect.Server.Auth;

namespace Reconnect.Server.Hosting;

/// <summary>
/// The token each live session of a loop was welcomed with, keyed by channel and peer, so that a terminal kick
/// revokes it even while the session is detached (away, resumable). Kept from the welcome until the session ends
/// (left, evicted, replaced or kicked), as the channel logic's notices say. Loop-confined.
/// </summary>
internal sealed class SessionTokens
{
    private readonly Dictionary<(string Channel, string PeerId), TokenClaims> bySession = [];

    /// <summary>Records the token a session was welcomed (or resumed) with.</summary>
    public void Welcomed(string channel, string peerId, TokenClaims claims) => bySession[(channel, peerId)] = claims;

    /// <summary>Follows a channel notice: an ended session's token is forgotten and, when a kick revokes, returned.</summary>
    /// <returns>The token to revoke, or null.</returns>
    public TokenClaims? Follow(ChannelNotice notice, bool kickRevokes)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice is not { Kind: ChannelNoticeKinds.Left or ChannelNoticeKinds.Evicted or ChannelNoticeKinds.Replaced or ChannelNoticeKinds.Kicked, PeerId: { } peerId })
        {
            return null;
        }

        return bySession.Remove((notice.Channel, peerId), out var claims) && notice.Kind == ChannelNoticeKinds.Kicked && kickRevokes ? claims : null;
    }
}

using Reconnect.Core.Ports;

namespace Reconnect.Server.Auth;

/// <summary>What a signed token grants.</summary>
/// <param name="TokenId">The token's id (<c>jti</c>), used to revoke it.</param>
/// <param name="Account">The account (<c>sub</c>); connection limits count per account.</param>
/// <param name="PeerId">The only peer id a join may use (<c>peer</c>), or null for any.</param>
/// <param name="ChannelPattern">The channels allowed (<c>ch</c>): null for any, <c>prefix*</c> or one name.</param>
/// <param name="Metadata">Server-asserted metadata (<c>md</c>) that overrides the join's keys of the same name.</param>
/// <param name="IceServers">The STUN/TURN servers (<c>ice</c>) the client is told in its welcome.</param>
/// <param name="Expires">When the token expires (<c>exp</c>).</param>
internal sealed record TokenClaims(
    string TokenId,
    string Account,
    string? PeerId,
    string? ChannelPattern,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<IceServer> IceServers,
    DateTimeOffset Expires);

using Reconnect.Core.Ports;

namespace Reconnect.Server.Auth;

/// <summary>What a token is to grant; the body of <c>POST /dev/token</c>.</summary>
/// <param name="Account">The account (<c>sub</c>).</param>
/// <param name="PeerId">The only peer id allowed, or null for any.</param>
/// <param name="Channel">The channel pattern allowed: null for any, <c>prefix*</c> or one name.</param>
/// <param name="Metadata">Server-asserted metadata, or null.</param>
/// <param name="IceServers">The STUN/TURN servers granted, or null for the configured ones.</param>
/// <param name="LifetimeSeconds">
/// How long the token lives, or null for the configured lifetime; at most <see cref="MaxLifetimeSeconds"/>, and zero or
/// less issues a token that has already expired (for tests of the expiry path).
/// </param>
internal sealed record TokenRequest(
    string Account,
    string? PeerId = null,
    string? Channel = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    IReadOnlyList<IceServer>? IceServers = null,
    int? LifetimeSeconds = null)
{
    /// <summary>The longest lifetime a dev token may ask for: one day.</summary>
    public const int MaxLifetimeSeconds = 86_400;
}

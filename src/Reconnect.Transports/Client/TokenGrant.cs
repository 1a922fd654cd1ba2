using Reconnect.Core.Ports;

namespace Reconnect.Transports.Client;

/// <summary>What a token provider hands out for one connect attempt.</summary>
/// <param name="Token">The credential the signalling server checks.</param>
/// <param name="IceServers">The STUN/TURN servers for media connections built from now on.</param>
public sealed record TokenGrant(string Token, IReadOnlyList<IceServer> IceServers)
{
    /// <summary>A grant with a token and no STUN/TURN servers.</summary>
    /// <param name="token">The credential the signalling server checks.</param>
    public TokenGrant(string token)
        : this(token, [])
    {
    }
}

using Reconnect.Core.Ports;

namespace Reconnect;

/// <summary>What a token provider hands out: for a connect attempt, or to refresh the token of the open socket.</summary>
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

    /// <summary>
    /// When the token expires, if known: the client then asks for a fresh token ahead of it
    /// (<c>ReconnectOptions.Token.RefreshLead</c>) and hands it to the server over the open socket, so a long call
    /// never drops for an expiring token. Null: the token is used until the server closes the socket.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Where to open the signalling socket with this token (<c>ws://</c> or <c>wss://</c>); null for the transport's configured endpoint.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Extra upgrade request headers for the sockets opened with this token; they replace configured headers of the same name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

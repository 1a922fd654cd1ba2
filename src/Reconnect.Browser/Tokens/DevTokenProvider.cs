using System.Net.Http.Json;

namespace Reconnect.Browser.Tokens;

/// <summary>Fetches a token for every connect attempt from the page's own server: <c>GET /dev/token?room=R&amp;name=N</c> (the room joined last), with its ICE servers.</summary>
internal sealed class DevTokenProvider(HttpClient http, Func<string> room, string name) : ITokenProvider
{
    public async ValueTask<TokenGrant> GetTokenAsync(CancellationToken cancellationToken)
    {
        var path = $"/dev/token?room={Uri.EscapeDataString(room())}&name={Uri.EscapeDataString(name)}";
        var grant = await http.GetFromJsonAsync(path, PageJsonContext.Default.DevTokenJson, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the server answered no token");
        var servers = (grant.IceServers ?? []).Select(s => new IceServer(s.Urls, s.Username, s.Credential)).ToList();
        return new TokenGrant(grant.Token, servers) { ExpiresAt = grant.ExpiresAt };
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reconnect.Samples.RealCall;

/// <summary>The server's HTTP side the demo and its tests use: dev tokens, the admin kick and the admin listing.</summary>
/// <param name="baseUri">The server's HTTP address.</param>
/// <param name="adminKey">The admin key, or null when unknown (a remote server).</param>
public sealed class ServerApi(Uri baseUri, string? adminKey = null) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The signalling endpoint of a server reached at <paramref name="authority"/> (host:port).</summary>
    public static Uri SignalUri(string authority) => new($"ws://{authority}/signal");

    /// <summary>Asks <c>POST /dev/token</c> for a token for one peer on one channel.</summary>
    public async Task<string> TokenAsync(string peerId, string channel, int? lifetimeSeconds, CancellationToken cancellationToken) =>
        (await GrantAsync(peerId, channel, lifetimeSeconds, cancellationToken).ConfigureAwait(false)).Token;

    /// <summary>Asks <c>POST /dev/token</c> for a grant for one peer on one channel: the token and when it expires.</summary>
    public async Task<TokenGrant> GrantAsync(string peerId, string channel, int? lifetimeSeconds, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(
            new Uri("/dev/token", UriKind.Relative),
            new { account = peerId, peerId, channel, lifetimeSeconds },
            cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>(cancellationToken).ConfigureAwait(false);
        return body is { Token.Length: > 0 }
            ? new TokenGrant(body.Token) { ExpiresAt = body.ExpiresAt }
            : throw new InvalidOperationException("The dev token endpoint answered without a token.");
    }

    /// <summary>Kicks a peer with a close code through the admin API.</summary>
    public async Task KickAsync(string channel, string peerId, int code, CancellationToken cancellationToken)
    {
        using var request = AdminRequest(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/admin/channels/{channel}/peers/{peerId}/kick?code={code}"));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>True when the admin API lists <paramref name="peerId"/> in <paramref name="channel"/> with a socket attached.</summary>
    public async Task<bool> IsAttachedAsync(string channel, string peerId, CancellationToken cancellationToken)
    {
        using var request = AdminRequest(HttpMethod.Get, "/admin/channels");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var listing = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return listing.RootElement.EnumerateArray()
            .Where(c => c.GetProperty("channel").GetString() == channel)
            .SelectMany(c => c.GetProperty("peers").EnumerateArray())
            .Any(p => p.GetProperty("peerId").GetString() == peerId && p.GetProperty("attached").GetBoolean());
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private HttpRequestMessage AdminRequest(HttpMethod method, string path)
    {
        var key = adminKey ?? throw new InvalidOperationException("No admin key for this server.");
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Admin-Key", key);
        return request;
    }

    private sealed record TokenBody(string Token, DateTimeOffset? ExpiresAt);
}

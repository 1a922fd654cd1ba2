using System.Globalization;
using System.Net.Http.Json;

namespace Reconnect.Samples.RealCall;

/// <summary>The server's HTTP side the demo uses: dev tokens and the admin kick.</summary>
/// <param name="baseUri">The server's HTTP address.</param>
/// <param name="adminKey">The admin key, or null when unknown (a remote server).</param>
public sealed class ServerApi(Uri baseUri, string? adminKey = null) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The signalling endpoint of a server reached at <paramref name="authority"/> (host:port).</summary>
    public static Uri SignalUri(string authority) => new($"ws://{authority}/signal");

    /// <summary>Asks <c>POST /dev/token</c> for a token for one peer on one channel.</summary>
    public async Task<string> TokenAsync(string peerId, string channel, int? lifetimeSeconds, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(
            new Uri("/dev/token", UriKind.Relative),
            new { account = peerId, peerId, channel, lifetimeSeconds },
            cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>(cancellationToken).ConfigureAwait(false);
        return body?.Token ?? throw new InvalidOperationException("The dev token endpoint answered without a token.");
    }

    /// <summary>Kicks a peer with a close code through the admin API.</summary>
    public async Task KickAsync(string channel, string peerId, int code, CancellationToken cancellationToken)
    {
        var key = adminKey ?? throw new InvalidOperationException("No admin key for this server.");
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            new Uri(string.Create(CultureInfo.InvariantCulture, $"/admin/channels/{channel}/peers/{peerId}/kick?code={code}"), UriKind.Relative));
        request.Headers.Add("X-Admin-Key", key);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private sealed record TokenBody(string Token);
}

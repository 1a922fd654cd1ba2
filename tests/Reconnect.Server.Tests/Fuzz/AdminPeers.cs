using System.Net.Http.Json;
using System.Text.Json;

namespace Reconnect.Server.Tests.Fuzz;

/// <summary>Reads the server's sessions from its admin API (<c>GET /admin/channels</c>).</summary>
internal static class AdminPeers
{
    /// <summary>Every session as <c>channel/peerId</c>, sorted; the client must carry the <c>X-Admin-Key</c> header.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(HttpClient admin)
    {
        var channels = await admin.GetFromJsonAsync<JsonElement>("/admin/channels").ConfigureAwait(false);
        return [.. channels.EnumerateArray()
            .SelectMany(c => c.GetProperty("peers").EnumerateArray().Select(p => $"{c.GetProperty("channel").GetString()}/{p.GetProperty("peerId").GetString()}"))
            .Order(StringComparer.Ordinal)];
    }
}

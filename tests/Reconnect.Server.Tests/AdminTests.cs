using System.Net;
using System.Text.Json;
using Reconnect.Core.Protocol;

namespace Reconnect.Server.Tests;

public sealed class AdminTests
{
    internal static HttpClient Admin(LiveServer server, string key)
    {
        var http = new HttpClient { BaseAddress = server.BaseUri };
        http.DefaultRequestHeaders.Add("X-Admin-Key", key);
        return http;
    }

    /// <summary>Kicks a peer of room-42 through the admin API, with an optional <c>?code=</c>.</summary>
    internal static async Task<HttpResponseMessage> KickAsync(LiveServer server, string peerId, int? code = null)
    {
        using var http = Admin(server, LiveServer.AdminKey);
        var query = code is { } c ? $"?code={c}" : string.Empty;
        return await http.PostAsync(new Uri($"/admin/channels/room-42/peers/{peerId}/kick{query}", UriKind.Relative), null, TestContext.Current.CancellationToken);
    }

    /// <summary>True when the admin API lists the peer as attached in room-42.</summary>
    internal static async Task<bool> IsAttachedAsync(LiveServer server, string peerId)
    {
        using var http = Admin(server, LiveServer.AdminKey);
        using var listing = JsonDocument.Parse(await http.GetStringAsync(new Uri("/admin/channels", UriKind.Relative), TestContext.Current.CancellationToken));
        return listing.RootElement.EnumerateArray()
            .Where(c => c.GetProperty("channel").GetString() == "room-42")
            .SelectMany(c => c.GetProperty("peers").EnumerateArray())
            .Any(p => p.GetProperty("peerId").GetString() == peerId && p.GetProperty("attached").GetBoolean());
    }

    [Theory]
    [InlineData("GET", "/admin/channels")]
    [InlineData("POST", "/admin/channels/room-42/peers/alice/kick")]
    public async Task The_admin_api_refuses_a_wrong_key(string method, string path)
    {
        await using var server = await LiveServer.StartAsync();
        using var alice = await server.JoinedAsync("alice");
        using var http = Admin(server, "not-the-admin-key");

        var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(await alice.AnswersPingAsync(1));
    }

    [Fact]
    public async Task The_admin_api_lists_every_channel_with_its_peers_in_order()
    {
        await using var server = await LiveServer.StartAsync(("ChannelLoops", "3"));
        var clients = new List<RawClient>();
        foreach (var (peer, channel) in new[] { ("bob", "room-b"), ("alice", "room-a"), ("carol", "room-b") })
        {
            var client = await server.JoinedAsync(peer, channel);
            clients.Add(client);
        }

        using var http = Admin(server, LiveServer.AdminKey);
        var json = await http.GetStringAsync(new Uri("/admin/channels", UriKind.Relative), TestContext.Current.CancellationToken);
        using var listing = JsonDocument.Parse(json);

        var channels = listing.RootElement.EnumerateArray()
            .Select(c => $"{c.GetProperty("channel").GetString()}:{string.Join(',', c.GetProperty("peers").EnumerateArray().Select(p => $"{p.GetProperty("peerId").GetString()}/{p.GetProperty("attached").GetBoolean()}"))}")
            .ToArray();
        Assert.Equal(["room-a:alice/True", "room-b:bob/True,carol/True"], channels);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_kick_closes_the_peer_with_its_code_and_the_others_see_it_leave_kicked()
    {
        await using var server = await LiveServer.StartAsync();
        using var alice = await server.JoinedAsync("alice");
        using var bob = await server.JoinedAsync("bob");
        using var http = Admin(server, LiveServer.AdminKey);

        var response = await http.PostAsync(new Uri("/admin/channels/room-42/peers/bob/kick?code=4321", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var missing = await http.PostAsync(new Uri("/admin/channels/room-42/peers/nobody/kick", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (response.StatusCode, missing.StatusCode));
        Assert.Equal(4321, (await bob.ClosedAsync()).Code);
        var left = await alice.ExpectAsync<PeerLeftMessage>();
        Assert.Equal(("bob", "kicked"), (left.PeerId, left.Reason));
    }

    [Fact]
    public async Task A_kick_with_a_code_outside_the_application_range_is_a_bad_request()
    {
        await using var server = await LiveServer.StartAsync();
        using var http = Admin(server, LiveServer.AdminKey);

        var response = await http.PostAsync(new Uri("/admin/channels/room-42/peers/bob/kick?code=1006", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

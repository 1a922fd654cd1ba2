using System.Net.Http.Json;
using Reconnect.Core.Protocol;

namespace Reconnect.Server.Tests;

public sealed class SignallingTests
{
    [Fact]
    public async Task Healthz_answers_ok()
    {
        await using var server = await LiveServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_join_with_a_dev_token_gets_a_welcome_with_the_grace_and_the_ice_servers_of_its_token()
    {
        await using var server = await LiveServer.StartAsync(("SilenceGrace", "00:00:30"), ("DevIceServers:0:Urls:0", "turn:turn.example:3478"), ("DevIceServers:0:Username", "u"), ("DevIceServers:0:Credential", "p"));
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        var response = await http.PostAsJsonAsync(new Uri("/dev/token", UriKind.Relative), new { account = "alice", channel = "room-42" }, TestContext.Current.CancellationToken);
        var token = (await response.Content.ReadFromJsonAsync<TokenAnswer>(TestContext.Current.CancellationToken))!.Token;
        using var client = await RawClient.ConnectAsync(server.SignalUri, token);

        await client.SendJoinAsync("room-42", "alice");
        var welcome = await client.ExpectAsync<WelcomeMessage>();

        Assert.Equal(("alice", false, 30_000L), (welcome.PeerId, welcome.Resumed, welcome.SilenceGraceMs!.Value));
        var ice = Assert.Single(welcome.IceServers!);
        Assert.Equal("turn:turn.example:3478", Assert.Single(ice.Urls));
        Assert.Equal(("u", "p"), (ice.Username, ice.Credential));
    }

    [Fact]
    public async Task Two_peers_see_each_other_in_the_roster_and_in_the_join_event()
    {
        await using var server = await LiveServer.StartAsync();
        using var alice = await server.JoinedAsync("alice");

        using var bob = await server.JoinedAsync("bob");
        var joined = await alice.ExpectAsync<PeerJoinedMessage>();
        await bob.SendAsync(new RosterRequestMessage(7));
        var roster = await bob.ExpectAsync<RosterMessage>();

        Assert.Equal("bob", joined.Peer.PeerId);
        Assert.Equal(7, roster.RequestId);
        Assert.Equal("alice", Assert.Single(roster.Peers).PeerId);
    }

    [Fact]
    public async Task Peers_of_different_channels_meet_only_their_own_channel_whichever_loop_owns_it()
    {
        await using var server = await LiveServer.StartAsync(("ChannelLoops", "3"));
        var clients = new List<RawClient>();
        foreach (var channel in new[] { "a", "b", "c", "d" })
        {
            foreach (var peer in new[] { "p1", "p2" })
            {
                var client = await server.JoinedAsync(peer, channel);
                clients.Add(client);
            }
        }

        foreach (var client in clients)
        {
            await client.SendAsync(new RosterRequestMessage(1));
            Assert.Single((await client.ExpectAsync<RosterMessage>()).Peers);
            client.Dispose();
        }
    }

    [Fact]
    public async Task A_token_for_one_peer_id_cannot_join_as_another_and_its_metadata_is_asserted_over_the_join()
    {
        await using var server = await LiveServer.StartAsync();
        var token = server.Tokens.Issue(new Auth.TokenRequest("acct", PeerId: "alice", Metadata: new Dictionary<string, string> { ["role"] = "host" }));
        using var impostor = await RawClient.ConnectAsync(server.SignalUri, token);
        using var alice = await RawClient.ConnectAsync(server.SignalUri, token);
        using var bob = await server.JoinedAsync("bob");

        await impostor.SendJoinAsync("room-42", "mallory");
        await alice.SendAsync(new JoinMessage("room-42", "alice", new Dictionary<string, string> { ["role"] = "guest", ["name"] = "Al" }, [], null));
        var joined = await bob.ExpectAsync<PeerJoinedMessage>();

        Assert.Equal(4001, (await impostor.ClosedAsync()).Code);
        Assert.Equal(("alice", "host", "Al"), (joined.Peer.PeerId, joined.Peer.Metadata["role"], joined.Peer.Metadata["name"]));
    }

    private sealed record TokenAnswer(string Token);
}

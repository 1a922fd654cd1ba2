using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Server.Tests;

/// <summary>A fresh token handed over on the open socket, on the real server with real JWTs.</summary>
public sealed class TokenRefreshTests
{
    [Fact]
    public async Task A_refreshed_token_keeps_the_socket_open_past_the_first_tokens_expiry()
    {
        await using var server = await LiveServer.StartAsync();
        using var alice = await server.JoinedWithAsync(server.Token("alice", lifetimeSeconds: 3), "alice");

        await alice.SendAsync(new RefreshTokenMessage(server.Token("alice", lifetimeSeconds: 120)));
        await Task.Delay(TimeSpan.FromSeconds(4.5), TestContext.Current.CancellationToken);

        Assert.True(await alice.AnswersPingAsync(7));
    }

    [Fact]
    public async Task Without_a_refresh_the_same_token_closes_the_socket_with_4002_and_the_server_logs_why()
    {
        await using var server = await LiveServer.StartAsync();
        using var alice = await server.JoinedWithAsync(server.Token("alice", lifetimeSeconds: 3), "alice");

        Assert.Equal(CloseCodes.TokenExpired, (await alice.ClosedAsync()).Code);
        Assert.True(await server.Logs.LoggedAsync("closed alice with 4002 token_expired: its token expired while connected"), string.Join("\n", server.Logs.Lines));
    }

    [Theory]
    [InlineData("mallory", null, null, CloseCodes.InvalidToken)]
    [InlineData("alice", "eve", null, CloseCodes.InvalidToken)]
    [InlineData("alice", null, "room-7", CloseCodes.ChannelNotAuthorized)]
    public async Task A_refreshed_token_for_another_account_peer_or_channel_ends_the_session_with_its_code_and_the_others_see_it_leave(
        string account, string? peerId, string? channel, int code)
    {
        await using var server = await LiveServer.StartAsync();
        using var bob = await server.JoinedAsync("bob");
        using var alice = await server.JoinedAsync("alice");
        await bob.ExpectAsync<PeerJoinedMessage>();

        await alice.SendAsync(new RefreshTokenMessage(server.Token(account, channel, peerId: peerId)));

        Assert.Equal(code, (await alice.ClosedAsync()).Code);
        var left = await bob.ExpectAsync<PeerLeftMessage>();
        Assert.Equal(("alice", "token-refused"), (left.PeerId, left.Reason));
        Assert.True(await bob.AnswersPingAsync(3));
    }

    [Fact]
    public async Task A_terminal_kick_after_a_refresh_revokes_the_fresh_token()
    {
        await using var server = await LiveServer.StartAsync();
        using var alice = await server.JoinedAsync("alice");
        var fresh = server.Token("alice");
        await alice.SendAsync(new RefreshTokenMessage(fresh));
        Assert.True(await alice.AnswersPingAsync(1));

        await AdminTests.KickAsync(server, "alice");
        Assert.Equal(CloseCodes.AdminDisconnect, (await alice.ClosedAsync()).Code);
        using var replay = await RawClient.ConnectAsync(server.SignalUri, fresh);

        Assert.Equal(CloseCodes.AdminDisconnect, (await replay.ClosedAsync()).Code);
    }
}

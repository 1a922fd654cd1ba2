using Microsoft.Extensions.Options;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Server.Auth;

namespace Reconnect.Server.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task A_missing_token_is_refused_as_invalid() =>
        await AssertRefusedAsync(_ => string.Empty, CloseCodes.InvalidToken);

    [Fact]
    public async Task An_expired_token_is_refused_as_expired() =>
        await AssertRefusedAsync(server => server.Token("alice", lifetimeSeconds: -60), CloseCodes.TokenExpired);

    [Fact]
    public async Task A_forged_token_whose_claims_were_altered_is_refused_as_invalid() =>
        await AssertRefusedAsync(server => Forge(server.Token("alice", channel: "other")), CloseCodes.InvalidToken);

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_as_invalid() =>
        await AssertRefusedAsync(_ => OtherKeyTokens().Issue(new TokenRequest("alice")), CloseCodes.InvalidToken);

    [Fact]
    public async Task A_token_for_another_channel_is_refused_at_the_join()
    {
        await using var server = await LiveServer.StartAsync();
        using var client = await RawClient.ConnectAsync(server.SignalUri, server.Token("alice", channel: "room-7"));

        await client.SendJoinAsync("room-42", "alice");

        Assert.Equal(CloseCodes.ChannelNotAuthorized, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task A_token_that_expires_while_connected_closes_the_socket_as_expired()
    {
        await using var server = await LiveServer.StartAsync();

        // A JWT's expiry is in whole seconds, so a one-second token may have less than a second left when issued:
        // three seconds leave the join ample time on a loaded machine before the token runs out.
        using var client = await RawClient.ConnectAsync(server.SignalUri, server.Token("alice", lifetimeSeconds: 3));
        await client.SendJoinAsync("room-42", "alice");

        var (code, before) = await client.ClosedAsync();

        Assert.Equal(CloseCodes.TokenExpired, code);
        Assert.IsType<WelcomeMessage>(Assert.Single(before));
    }

    [Fact]
    public async Task A_token_replayed_after_a_terminal_kick_is_refused_with_the_kick_code()
    {
        await using var server = await LiveServer.StartAsync();
        var token = server.Token("alice");
        using var first = await server.JoinedWithAsync(token, "alice");

        var kick = await AdminTests.KickAsync(server, "alice");
        Assert.True(kick.IsSuccessStatusCode);
        Assert.Equal(CloseCodes.AdminDisconnect, (await first.ClosedAsync()).Code);
        using var replay = await RawClient.ConnectAsync(server.SignalUri, token);

        Assert.Equal(CloseCodes.AdminDisconnect, (await replay.ClosedAsync()).Code);
    }

    [Fact]
    public async Task A_token_replayed_after_a_terminal_kick_of_its_detached_session_is_refused_with_the_kick_code()
    {
        await using var server = await LiveServer.StartAsync();
        var token = server.Token("alice");
        var first = await server.JoinedWithAsync(token, "alice");
        first.Dispose();
        await PollAsync(async () => !await AdminTests.IsAttachedAsync(server, "alice"));

        var kick = await AdminTests.KickAsync(server, "alice");
        using var replay = await RawClient.ConnectAsync(server.SignalUri, token);

        Assert.Equal(System.Net.HttpStatusCode.OK, kick.StatusCode);
        Assert.Equal(CloseCodes.AdminDisconnect, (await replay.ClosedAsync()).Code);
    }

    [Fact]
    public async Task A_non_terminal_kick_leaves_the_token_usable()
    {
        await using var server = await LiveServer.StartAsync();
        var token = server.Token("alice");
        using var first = await server.JoinedWithAsync(token, "alice");

        await AdminTests.KickAsync(server, "alice", CloseCodes.Normal);
        Assert.Equal(CloseCodes.Normal, (await first.ClosedAsync()).Code);
        using var again = await server.JoinWithAsync(token, "alice");

        Assert.Equal("alice", (await again.ExpectAsync<WelcomeMessage>()).PeerId);
    }

    private static async Task PollAsync(Func<Task<bool>> condition)
    {
        using var patience = new CancellationTokenSource(RawClient.Patience);
        while (!await condition())
        {
            await Task.Delay(20, patience.Token);
        }
    }

    private static async Task AssertRefusedAsync(Func<LiveServer, string> token, int code)
    {
        await using var server = await LiveServer.StartAsync();
        using var bystander = await server.JoinedAsync("bob");
        using var client = await RawClient.ConnectAsync(server.SignalUri, token(server));

        var (closed, before) = await client.ClosedAsync();

        Assert.Equal(code, closed);
        Assert.Empty(before);
        Assert.True(await bystander.AnswersPingAsync(1));
    }

    /// <summary>Swaps a token's payload for another token's, keeping the first signature.</summary>
    private static string Forge(string token)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        var altered = payload.Replace("\"other\"", "\"room-42\"", StringComparison.Ordinal);
        Assert.NotEqual(payload, altered);
        return $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(altered)}.{parts[2]}";
    }

    private static JwtTokens OtherKeyTokens()
    {
        var options = new ReconnectServerOptions { SigningKey = Convert.ToBase64String(new byte[32]), AdminKey = LiveServer.AdminKey };
        return new JwtTokens(Options.Create(options), TimeProvider.System, new TokenRevocations(TimeProvider.System));
    }
}

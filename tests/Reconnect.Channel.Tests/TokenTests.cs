using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Channel.Tests;

public sealed class TokenTests
{
    [Theory]
    [InlineData("invalid", CloseCodes.InvalidToken, "invalid_token")]
    [InlineData("expired", CloseCodes.TokenExpired, "token_expired")]
    [InlineData("suspended", CloseCodes.AccountSuspended, "account_suspended")]
    [InlineData("garbage", CloseCodes.InvalidToken, "invalid_token")]
    [InlineData("ok:", CloseCodes.InvalidToken, "invalid_token")]
    [InlineData("ok:acme:", CloseCodes.InvalidToken, "invalid_token")]
    public void Rejected_token_at_open_closes_the_connection_with_its_code(string token, int code, string reason)
    {
        var driver = new ServerDriver();

        var outputs = driver.Open(7, token);

        Assert.Equal(new CloseConnection(7, code, reason), Assert.Single(outputs.Closes()));
        Assert.Single(outputs.Notices(ChannelNoticeKinds.Rejected));
        Assert.Empty(driver.Join(7, "room", "alice").Frames());
    }

    [Theory]
    [InlineData("ok:acme", null)]
    [InlineData("ok:acme:room", "room")]
    [InlineData("ok:acme:room:blue", "room:blue")]
    public void Sim_tokens_name_an_account_and_optionally_one_channel(string token, string? channel)
    {
        Assert.Equal(new TokenAccepted("acme", channel), new LiteralTokenValidator().Validate(token));
    }

    [Theory]
    [InlineData("ok@alice:acme", null)]
    [InlineData("ok@alice:acme:room:blue", "room:blue")]
    public void Sim_tokens_written_ok_at_a_peer_bind_that_peer_id(string token, string? channel)
    {
        var grant = Assert.IsType<TokenAccepted>(new LiteralTokenValidator().Validate(token));

        Assert.Equal(new TokenAccepted("acme", channel, "alice"), grant);
        Assert.True(grant.AllowsPeer("alice"));
        Assert.False(grant.AllowsPeer("eve"));
    }

    [Theory]
    [InlineData("ok:acme", null)]
    [InlineData("ok:acme:room", "room")]
    [InlineData("ok@alice:acme", null)]
    public void Sim_tokens_carry_their_expiry_as_a_suffix_that_names_no_claim(string token, string? channel)
    {
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);
        var expiring = LiteralTokenValidator.WithExpiry(token, expires);

        Assert.Equal(expires, LiteralTokenValidator.ExpiryOf(expiring));
        Assert.Null(LiteralTokenValidator.ExpiryOf(token));
        Assert.Equal(new LiteralTokenValidator().Validate(token), new LiteralTokenValidator().Validate(expiring));
        Assert.Equal(channel, Assert.IsType<TokenAccepted>(new LiteralTokenValidator().Validate(expiring)).ChannelPattern);
    }

    [Theory]
    [InlineData("ok@:acme")]
    [InlineData("ok@alice")]
    [InlineData("ok@alice:")]
    public void Malformed_peer_bound_sim_tokens_are_invalid(string token)
    {
        Assert.Equal(new TokenRejected(CloseCodes.InvalidToken), new LiteralTokenValidator().Validate(token));
    }

    [Fact]
    public void Token_for_one_channel_joins_that_channel_only_and_is_closed_with_4003_elsewhere()
    {
        var driver = new ServerDriver();
        driver.Open(1, "ok:acme:room");
        driver.Open(2, "ok:acme:room");

        var allowed = driver.Join(1, "room", "alice");
        var refused = driver.Join(2, "other", "bob");

        Assert.IsType<WelcomeMessage>(Assert.Single(allowed.FramesTo(1)));
        Assert.Equal(new CloseConnection(2, CloseCodes.ChannelNotAuthorized, "channel_not_authorized"), Assert.Single(refused.Closes()));
        Assert.Empty(driver.Server.Roster("other"));
    }

    [Theory]
    [InlineData("team-*", "team-blue", true)]
    [InlineData("team-*", "team-", true)]
    [InlineData("team-*", "other", false)]
    [InlineData("team", "team-blue", false)]
    public void Channel_pattern_ending_in_star_allows_every_channel_with_that_prefix(string pattern, string channel, bool allowed)
    {
        Assert.Equal(allowed, new TokenAccepted("acme", pattern).Allows(channel));
    }

    [Fact]
    public void Connections_over_the_account_limit_close_with_4006_over_capacity()
    {
        var driver = new ServerDriver(new ChannelServerOptions { MaxConnectionsPerAccount = 2 });
        driver.Open(1, "ok:acme");
        driver.Open(2, "ok:acme");

        var third = driver.Open(3, "ok:acme");
        var otherAccount = driver.Open(4, "ok:globex");

        Assert.Equal(new CloseConnection(3, CloseCodes.OverCapacity, "over_capacity"), Assert.Single(third.Closes()));
        Assert.Empty(otherAccount.Closes());
    }

    [Fact]
    public void Closing_a_connection_frees_a_place_under_the_account_limit()
    {
        var driver = new ServerDriver(new ChannelServerOptions { MaxConnectionsPerAccount = 1 });
        driver.Open(1, "ok:acme");
        driver.Handle(new ConnectionClosed(1));

        Assert.Empty(driver.Open(2, "ok:acme").Closes());
    }

    [Fact]
    public void Token_expiry_closes_with_4002_and_keeps_the_session_for_resume()
    {
        var driver = new ServerDriver();
        var session = driver.OpenAndJoin(1, "room", "alice");

        var expired = driver.Handle(new TokenExpired(1));
        driver.Open(2, "ok:acme");
        var resumed = driver.Join(2, "room", "alice", session);

        Assert.Equal(new CloseConnection(1, CloseCodes.TokenExpired, "token_expired"), Assert.Single(expired.Closes()));
        Assert.Equal(new WelcomeMessage("alice", session, Resumed: true, SilenceGraceMs: ServerDriver.GraceMs), Assert.Single(resumed.FramesTo(2)));
    }

    [Fact]
    public void Resume_under_another_account_is_refused_as_evicted()
    {
        var driver = new ServerDriver();
        var session = driver.OpenAndJoin(1, "room", "alice", "ok:acme");
        driver.Handle(new ConnectionClosed(1));
        driver.Open(2, "ok:globex");

        var outputs = driver.Join(2, "room", "alice", session);

        Assert.Equal(new EvictedMessage("network-disconnect"), Assert.Single(outputs.FramesTo(2)));
    }
}

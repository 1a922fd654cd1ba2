using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Channel.Tests;

/// <summary>A fresh token handed over on a joined connection: taken when it fits the session, refused with its code otherwise.</summary>
public sealed class TokenRefreshTests
{
    private static ServerDriver AliceAndBob(string aliceToken = "ok:acme")
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice", aliceToken);
        driver.OpenAndJoin(2, "room", "bob", "ok:other");
        return driver;
    }

    [Theory]
    [InlineData("ok:acme")]
    [InlineData("ok:acme:room")]
    [InlineData("ok:acme:ro*")]
    [InlineData("ok@alice:acme:room")]
    public void A_fresh_token_for_the_same_account_peer_and_channel_is_taken_with_no_close_and_nothing_for_the_others(string fresh)
    {
        var driver = AliceAndBob();

        var outputs = driver.Send(1, new RefreshTokenMessage(fresh));

        Assert.Equal(new TokenRenewed(1, fresh), Assert.Single(outputs.OfType<TokenRenewed>()));
        Assert.Single(outputs.Notices(ChannelNoticeKinds.TokenRefreshed));
        Assert.Empty(outputs.Closes());
        Assert.Empty(outputs.FramesTo(2));
        Assert.Equal(["alice", "bob"], driver.Server.Roster("room").Select(p => p.PeerId));
    }

    [Theory]
    [InlineData("ok:mallory", CloseCodes.InvalidToken)]
    [InlineData("ok@eve:acme", CloseCodes.InvalidToken)]
    [InlineData("ok:acme:lobby", CloseCodes.ChannelNotAuthorized)]
    [InlineData("forged", CloseCodes.InvalidToken)]
    [InlineData("suspended", CloseCodes.AccountSuspended)]
    public void A_fresh_token_refused_for_good_ends_the_session_with_its_code_tells_the_others_and_bars_the_resume(string fresh, int code)
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob", "ok:other");

        var outputs = driver.Send(1, new RefreshTokenMessage(fresh));

        Assert.Equal(code, Assert.Single(outputs.Closes()).Code);
        Assert.Empty(outputs.OfType<TokenRenewed>());
        var left = Assert.IsType<PeerLeftMessage>(Assert.Single(outputs.FramesTo(2)));
        Assert.Equal(("alice", PeerLeftReasons.TokenRefused), (left.PeerId, left.Reason));
        Assert.Equal(["bob"], driver.Server.Roster("room").Select(p => p.PeerId));

        driver.Open(3);
        var resume = driver.Join(3, "room", "alice", alice);
        Assert.Equal(code, Assert.Single(resume.Closes()).Code);
    }

    [Fact]
    public void An_expired_fresh_token_closes_with_4002_like_an_expiry_and_the_session_waits_for_its_resume()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob", "ok:other");

        var outputs = driver.Send(1, new RefreshTokenMessage("expired"));

        Assert.Equal(CloseCodes.TokenExpired, Assert.Single(outputs.Closes()).Code);
        Assert.Equal([new PeerAwayMessage("alice", alice, PeerAwayReasons.ClosedByServer, CloseCodes.TokenExpired)], outputs.FramesTo(2));
        driver.Open(3);
        var resume = driver.Join(3, "room", "alice", alice);
        Assert.True(Assert.IsType<WelcomeMessage>(resume.FramesTo(3).First()).Resumed);
    }

    [Fact]
    public void A_refresh_before_the_join_is_ignored_and_an_empty_one_is_malformed()
    {
        var driver = new ServerDriver();
        driver.Open(1);

        var early = driver.Send(1, new RefreshTokenMessage("ok:acme"));
        Assert.Single(early.Notices(ChannelNoticeKinds.Ignored));
        Assert.Empty(early.OfType<TokenRenewed>());

        driver.Join(1, "room", "alice");
        var empty = driver.Send(1, new RefreshTokenMessage(string.Empty));
        Assert.Single(empty.Notices(ChannelNoticeKinds.Malformed));
        Assert.Empty(empty.Closes());
    }

    [Fact]
    public void A_join_with_a_token_bound_to_another_peer_is_refused_with_4001()
    {
        var driver = new ServerDriver();
        driver.Open(1, "ok@alice:acme:room");

        var wrongPeer = driver.Join(1, "room", "eve");

        Assert.Equal(CloseCodes.InvalidToken, Assert.Single(wrongPeer.Closes()).Code);
        Assert.Empty(driver.Server.Roster("room"));
    }
}

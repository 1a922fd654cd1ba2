using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Channel.Tests;

public sealed class TerminalCloseTests
{
    [Theory]
    [InlineData(CloseCodes.AdminDisconnect)]
    [InlineData(CloseCodes.AccountSuspended)]
    [InlineData(CloseCodes.InvalidToken)]
    public void Resume_of_a_session_kicked_for_good_while_away_is_closed_with_the_kicks_code_not_told_evicted(int code)
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Handle(new ConnectionClosed(1));
        driver.Advance(TimeSpan.FromSeconds(5));
        driver.Handle(new AdminKick("room", "alice", code));
        driver.Advance(TimeSpan.FromSeconds(20));
        driver.Open(3);

        var outputs = driver.Join(3, "room", "alice", alice);

        Assert.Empty(outputs.FramesTo(3));
        Assert.Equal(new CloseConnection(3, code, CloseCodePolicy.Classify(code).Name), Assert.Single(outputs.Closes()));
        Assert.Single(outputs.Notices(ChannelNoticeKinds.Rejected));
        Assert.Empty(outputs.Notices(ChannelNoticeKinds.ResumeRefused));
        Assert.Equal(["bob"], driver.Server.Roster("room").Select(p => p.PeerId));
    }

    [Fact]
    public void Resume_after_a_kick_whose_close_never_arrived_is_closed_with_the_kicks_code()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.Handle(new AdminKick("room", "alice", CloseCodes.AdminDisconnect));
        driver.Open(2);

        var outputs = driver.Join(2, "room", "alice", alice);

        Assert.Equal(new CloseConnection(2, CloseCodes.AdminDisconnect, "admin_disconnect"), Assert.Single(outputs.Closes()));
        Assert.Empty(outputs.FramesTo(2));
    }

    [Fact]
    public void A_kick_with_a_retryable_code_is_not_remembered_so_the_resume_is_told_evicted()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.Handle(new ConnectionClosed(1));
        driver.Handle(new AdminKick("room", "alice", CloseCodes.OverCapacity));
        driver.Open(2);

        var outputs = driver.Join(2, "room", "alice", alice);

        Assert.Equal(new EvictedMessage("kicked"), Assert.Single(outputs.FramesTo(2)));
        Assert.Empty(outputs.Closes());
    }

    [Fact]
    public void A_kick_is_not_a_ban_a_fresh_join_of_the_same_peer_gets_a_new_session()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.Handle(new AdminKick("room", "alice", CloseCodes.AdminDisconnect));
        driver.Open(2);

        var outputs = driver.Join(2, "room", "alice");

        Assert.Equal(new WelcomeMessage("alice", "s2", Resumed: false, SilenceGraceMs: ServerDriver.GraceMs), Assert.Single(outputs.FramesTo(2)));
        Assert.Empty(outputs.Closes());
    }

    [Fact]
    public void Only_the_same_channel_peer_and_account_learn_the_code_others_are_told_evicted()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.Handle(new AdminKick("room", "alice", CloseCodes.AdminDisconnect));
        driver.Open(2);
        driver.Open(3, "ok:other");

        var mallory = driver.Join(2, "room", "mallory", alice);
        var otherAccount = driver.Join(3, "room", "alice", alice);

        Assert.Equal(new EvictedMessage("network-disconnect"), Assert.Single(mallory.FramesTo(2)));
        Assert.Equal(new EvictedMessage("kicked"), Assert.Single(otherAccount.FramesTo(3)));
        Assert.Empty(mallory.Closes().Concat(otherAccount.Closes()));
    }

    [Fact]
    public void The_memory_of_a_kick_expires_then_the_resume_is_told_evicted()
    {
        var memory = TimeSpan.FromMinutes(2);
        var driver = new ServerDriver(new ChannelServerOptions { TerminalCloseMemory = memory });
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.Handle(new AdminKick("room", "alice", CloseCodes.AdminDisconnect));
        driver.Advance(memory - TimeSpan.FromMilliseconds(1));
        driver.Open(2);
        var inside = driver.Join(2, "room", "alice", alice);
        driver.Advance(TimeSpan.FromMilliseconds(1));
        driver.Open(3);

        var after = driver.Join(3, "room", "alice", alice);

        Assert.Equal(CloseCodes.AdminDisconnect, Assert.Single(inside.Closes()).Code);
        Assert.Equal(new EvictedMessage("kicked"), Assert.Single(after.FramesTo(3)));
    }

    [Fact]
    public void When_the_memory_is_full_the_oldest_kick_is_forgotten_first()
    {
        var driver = new ServerDriver(new ChannelServerOptions { TerminalCloseCapacity = 1 });
        var alice = driver.OpenAndJoin(1, "room", "alice");
        var bob = driver.OpenAndJoin(2, "room", "bob");
        driver.Handle(new AdminKick("room", "alice", CloseCodes.AdminDisconnect));
        driver.Handle(new AdminKick("room", "bob", CloseCodes.AccountSuspended));
        driver.Open(3);
        driver.Open(4);

        var aliceBack = driver.Join(3, "room", "alice", alice);
        var bobBack = driver.Join(4, "room", "bob", bob);

        Assert.Equal(new EvictedMessage("kicked"), Assert.Single(aliceBack.FramesTo(3)));
        Assert.Equal(CloseCodes.AccountSuspended, Assert.Single(bobBack.Closes()).Code);
    }

    [Fact]
    public void Options_that_forget_a_kick_before_the_grace_ends_are_refused()
    {
        var options = new ChannelServerOptions { TerminalCloseMemory = TimeSpan.FromSeconds(44), TerminalCloseCapacity = 0, MaxHeartbeatAllowance = TimeSpan.FromSeconds(-1) };

        var ex = Assert.Throws<ArgumentException>(() => options.Validate());

        Assert.Contains("TerminalCloseMemory", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TerminalCloseCapacity", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxHeartbeatAllowance", ex.Message, StringComparison.Ordinal);
    }
}

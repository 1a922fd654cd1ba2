using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Channel.Tests;

public sealed class ResumeTests
{
    [Fact]
    public void Resume_of_a_detached_session_welcomes_with_resumed_and_broadcasts_only_peer_back()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Handle(new ConnectionClosed(1));
        driver.Advance(TimeSpan.FromSeconds(10));
        driver.Open(3);

        var outputs = driver.Join(3, "room", "alice", alice);

        Assert.Equal(new WelcomeMessage("alice", alice, Resumed: true, SilenceGraceMs: ServerDriver.GraceMs), Assert.Single(outputs.FramesTo(3)));
        Assert.Equal([new PeerBackMessage("alice", alice)], outputs.FramesTo(2));
        Assert.True(outputs.FindIndex(o => o is SendFrame { ConnectionId: 3 }) < outputs.FindIndex(o => o is SendFrame { ConnectionId: 2 }), "peer-back before the welcome");
        Assert.Single(outputs.Notices(ChannelNoticeKinds.Resumed));
        Assert.True(driver.Server.IsAttached("room", "alice"));
    }

    [Fact]
    public void Resume_while_still_attached_closes_the_old_connection_with_1000_replaced()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.Open(2);

        var outputs = driver.Join(2, "room", "alice", alice);
        var lateFrame = driver.Send(1, new PingMessage(9));

        Assert.Equal(new CloseConnection(1, CloseCodes.Normal, "replaced"), Assert.Single(outputs.Closes()));
        Assert.Equal(new WelcomeMessage("alice", alice, Resumed: true, SilenceGraceMs: ServerDriver.GraceMs), Assert.Single(outputs.FramesTo(2)));
        Assert.Empty(lateFrame.Frames());
        Assert.Single(lateFrame.Notices(ChannelNoticeKinds.Ignored));
    }

    [Fact]
    public void Resume_with_changed_streams_applies_them_and_broadcasts_peer_updated()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Handle(new ConnectionClosed(1));
        driver.Open(3);

        var changed = driver.Join(3, "room", "alice", alice, ServerDriver.Stream("screen", "screen"));
        driver.Handle(new ConnectionClosed(3));
        driver.Open(4);
        var unchanged = driver.Join(4, "room", "alice", alice, ServerDriver.Stream("screen", "screen"));

        var expected = new RosterEntry("alice", alice, ServerDriver.Meta(), [ServerDriver.Stream("screen", "screen")]);
        Assert.Equal([new PeerBackMessage("alice", alice), new PeerUpdatedMessage(expected, Version: 3)], changed.FramesTo(2));
        Assert.Equal([new PeerBackMessage("alice", alice)], unchanged.FramesTo(2));
        Assert.Equal(expected, driver.Server.Roster("room")[0]);
    }

    [Fact]
    public void Resume_of_an_evicted_session_sends_evicted_and_keeps_the_connection_open_for_a_fresh_join()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.Handle(new ConnectionClosed(1));
        driver.Advance(TimeSpan.FromSeconds(46));
        driver.Open(2);

        var refused = driver.Join(2, "room", "alice", alice);
        var fresh = driver.Join(2, "room", "alice");

        Assert.Equal(new EvictedMessage("network-disconnect"), Assert.Single(refused.FramesTo(2)));
        Assert.Empty(refused.Closes());
        Assert.Single(refused.Notices(ChannelNoticeKinds.ResumeRefused));
        Assert.Equal(new WelcomeMessage("alice", "s2", Resumed: false, SilenceGraceMs: ServerDriver.GraceMs), Assert.Single(fresh.FramesTo(2)));
    }

    [Fact]
    public void Resume_naming_another_peers_session_is_refused_as_evicted()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.Open(2);

        var outputs = driver.Join(2, "room", "mallory", alice);

        Assert.Equal(new EvictedMessage("network-disconnect"), Assert.Single(outputs.FramesTo(2)));
        Assert.True(driver.Server.IsAttached("room", "alice"));
        Assert.Empty(outputs.Closes());
    }

    [Fact]
    public void Graceful_shutdown_sends_going_away_then_closes_1012_and_keeps_sessions_for_resume()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Open(3);

        var outputs = driver.Handle(new ServerShuttingDown(RetryAfterMs: 2000));

        Assert.Equal(
            [
                new SendFrame(1, new GoingAwayMessage(2000)), new CloseConnection(1, CloseCodes.ServiceRestart, "service_restart"),
                new SendFrame(2, new GoingAwayMessage(2000)), new CloseConnection(2, CloseCodes.ServiceRestart, "service_restart"),
                new SendFrame(3, new GoingAwayMessage(2000)), new CloseConnection(3, CloseCodes.ServiceRestart, "service_restart"),
            ],
            outputs.Where(o => o is not ChannelNotice));
        Assert.Equal(["alice", "bob"], driver.Server.Roster("room").Select(p => p.PeerId));
        Assert.False(driver.Server.IsAttached("room", "alice"));
        driver.Open(4);
        Assert.Equal(new WelcomeMessage("alice", alice, Resumed: true, SilenceGraceMs: ServerDriver.GraceMs), Assert.Single(driver.Join(4, "room", "alice", alice).FramesTo(4)));
    }
}

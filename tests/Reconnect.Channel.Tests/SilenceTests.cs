using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Channel.Tests;

public sealed class SilenceTests
{
    private static readonly TimeSpan Grace = new ChannelServerOptions().SilenceGrace;

    [Fact]
    public void Detached_session_silent_for_the_grace_is_evicted_and_others_get_network_disconnect()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Handle(new ConnectionClosed(1));
        driver.AdvanceTo(Instant.FromMilliseconds(20_000));
        driver.Send(2, new PingMessage(1));

        var before = driver.AdvanceTo(Instant.Zero + (Grace - TimeSpan.FromMilliseconds(1)));
        var at = driver.AdvanceTo(Instant.Zero + Grace);

        Assert.Empty(before);
        Assert.Equal(new PeerLeftMessage("alice", alice, "network-disconnect", Version: 3), Assert.Single(at.FramesTo(2)));
        Assert.Single(at.Notices(ChannelNoticeKinds.Evicted));
        Assert.Equal(["bob"], driver.Server.Roster("room").Select(p => p.PeerId));
    }

    [Fact]
    public void Closing_the_connection_only_detaches_the_session_tells_the_others_it_is_away_and_the_timer_keeps_running()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        var armed = driver.ArmedTimers;

        var closed = driver.Handle(new ConnectionClosed(1));

        Assert.IsType<PeerAwayMessage>(Assert.Single(closed.FramesTo(2)));
        Assert.Single(closed.Frames());
        Assert.Single(closed.Notices(ChannelNoticeKinds.Detached));
        Assert.Equal(["alice", "bob"], driver.Server.Roster("room").Select(p => p.PeerId));
        Assert.False(driver.Server.IsAttached("room", "alice"));
        Assert.Equal(armed, driver.ArmedTimers);
    }

    [Fact]
    public void Drop_that_heals_inside_grace_raises_no_peer_left()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Handle(new ConnectionClosed(1));
        driver.Advance(TimeSpan.FromSeconds(30));
        driver.Open(3);
        driver.Join(3, "room", "alice", alice);

        var later = driver.Advance(TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(later.FramesTo(2), m => m is PeerLeftMessage);
        Assert.True(driver.Server.IsAttached("room", "alice"));
    }

    [Fact]
    public void Every_frame_heard_rearms_the_silence_timer()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.AdvanceTo(Instant.FromMilliseconds(30_000));
        driver.Send(1, new PingMessage(1));
        driver.Send(2, new PingMessage(1));

        var atFirstDeadline = driver.AdvanceTo(Instant.Zero + Grace);
        var beforeSecond = driver.AdvanceTo(Instant.FromMilliseconds(30_000) + (Grace - TimeSpan.FromMilliseconds(1)));
        var atSecond = driver.AdvanceTo(Instant.FromMilliseconds(30_000) + Grace);

        Assert.Empty(atFirstDeadline.Notices(ChannelNoticeKinds.Evicted));
        Assert.Empty(beforeSecond.Notices(ChannelNoticeKinds.Evicted));
        Assert.Equal(["alice", "bob"], atSecond.Notices(ChannelNoticeKinds.Evicted).Select(n => n.PeerId));
        Assert.Empty(driver.Server.Channels);
    }

    [Fact]
    public void Healthy_session_pinging_every_20s_is_never_evicted()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");

        for (var i = 1; i <= 20; i++)
        {
            driver.Advance(TimeSpan.FromSeconds(20));
            Assert.Equal(new PongMessage(i), Assert.Single(driver.Send(1, new PingMessage(i)).FramesTo(1)));
        }

        Assert.Empty(driver.History.Notices(ChannelNoticeKinds.Evicted));
        Assert.True(driver.Server.IsAttached("room", "alice"));
    }

    [Fact]
    public void Malformed_frames_also_prove_the_session_is_alive()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.AdvanceTo(Instant.FromMilliseconds(40_000));
        driver.Handle(new ClientFrameReceived(1, "{not json"));

        driver.AdvanceTo(Instant.FromMilliseconds(80_000));

        Assert.True(driver.Server.IsAttached("room", "alice"));
    }

    [Fact]
    public void Attached_but_silent_session_is_told_evicted_and_its_connection_closed()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");

        var outputs = driver.Advance(Grace);

        Assert.Equal(new EvictedMessage("network-disconnect"), Assert.Single(outputs.FramesTo(1)));
        Assert.Equal(new CloseConnection(1, CloseCodes.Normal, "evicted"), Assert.Single(outputs.Closes()));
        Assert.Empty(driver.Server.Channels);
    }

    [Fact]
    public void Stale_or_early_timer_never_evicts()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        var armed = Assert.Single(driver.ArmedTimers).Timer;

        var stale = driver.Handle(new ChannelTimerFired(armed with { Sequence = armed.Sequence + 100 }));
        var early = driver.Handle(new ChannelTimerFired(armed));

        Assert.Empty(stale);
        Assert.Equal([new ArmChannelTimer(new ChannelTimerId(alice, armed.Sequence + 1), Instant.Zero + Grace)], early);
        Assert.True(driver.Server.IsAttached("room", "alice"));
    }

    [Fact]
    public void Removing_a_session_cancels_its_timer()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        var armed = Assert.Single(driver.ArmedTimers).Timer;

        var outputs = driver.Send(1, new LeaveMessage());

        Assert.Contains(new DisarmChannelTimer(armed), outputs);
        Assert.Empty(driver.ArmedTimers);
    }
}

using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Channel.Tests;

public sealed class PeerAwayTests
{
    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Grace = new ChannelServerOptions().SilenceGrace;

    [Fact]
    public void A_socket_closed_inside_the_grace_tells_the_others_peer_away_with_socket_closed()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");

        var closed = driver.Handle(new ConnectionClosed(1));

        Assert.Equal([new PeerAwayMessage("alice", alice, PeerAwayReasons.SocketClosed)], closed.FramesTo(2));
        Assert.Single(closed.Notices(ChannelNoticeKinds.Away));
    }

    [Fact]
    public void Peer_away_goes_only_to_the_other_attached_members_of_the_channel()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.OpenAndJoin(3, "room", "carol");
        driver.OpenAndJoin(4, "hall", "dave");

        var closed = driver.Handle(new ConnectionClosed(1));

        Assert.Equal([2L, 3L], closed.Frames().Where(f => f.Message is PeerAwayMessage).Select(f => f.ConnectionId));
    }

    [Fact]
    public void A_whole_heartbeat_missed_tells_peer_away_with_heartbeat_missed()
    {
        var driver = new ServerDriver();
        var alice = JoinAnnouncing(driver, 1, "alice", Ping);
        driver.OpenAndJoin(2, "room", "bob");

        var before = driver.AdvanceTo(Instant.Zero + (Ping + Ping - TimeSpan.FromMilliseconds(1)));
        var at = driver.AdvanceTo(Instant.Zero + (Ping + Ping));

        Assert.Empty(before.FramesTo(2));
        Assert.Equal([new PeerAwayMessage("alice", alice, PeerAwayReasons.HeartbeatMissed)], at.FramesTo(2));
    }

    [Fact]
    public void A_late_ping_is_not_taken_for_a_missed_heartbeat()
    {
        var driver = new ServerDriver();
        JoinAnnouncing(driver, 1, "alice", Ping);
        driver.OpenAndJoin(2, "room", "bob");
        driver.AdvanceTo(Instant.Zero + (Ping * 1.5));
        driver.Send(1, new PingMessage(1));

        var quiet = driver.AdvanceTo(Instant.Zero + ((Ping * 3.5) - TimeSpan.FromMilliseconds(1)));
        var missed = driver.AdvanceTo(Instant.Zero + (Ping * 3.5));

        Assert.Empty(quiet.FramesTo(2));
        Assert.IsType<PeerAwayMessage>(Assert.Single(missed.FramesTo(2)));
    }

    [Fact]
    public void A_peer_that_announced_no_heartbeat_is_never_told_away_while_its_socket_is_open()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");

        var outputs = driver.AdvanceTo(Instant.Zero + (Grace - TimeSpan.FromMilliseconds(1)));

        Assert.Empty(outputs.Notices(ChannelNoticeKinds.Away));
    }

    [Fact]
    public void A_silent_socket_that_speaks_again_tells_peer_back_and_is_watched_again()
    {
        var driver = new ServerDriver();
        var alice = JoinAnnouncing(driver, 1, "alice", Ping);
        driver.OpenAndJoin(2, "room", "bob");
        driver.AdvanceTo(Instant.Zero + (Ping + Ping));

        var spoke = driver.Send(1, new PingMessage(1));
        var againSilent = driver.Advance(Ping + Ping);

        Assert.Equal([new PeerBackMessage("alice", alice)], spoke.FramesTo(2));
        Assert.IsType<PeerAwayMessage>(Assert.Single(againSilent.FramesTo(2)));
    }

    [Fact]
    public void The_roster_lists_an_away_session_with_its_reason_until_it_is_back()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");

        driver.Handle(new ConnectionClosed(1));
        var whileAway = Assert.IsType<RosterMessage>(Assert.Single(driver.Send(2, new RosterRequestMessage(7)).FramesTo(2)));
        driver.Open(3);
        driver.Join(3, "room", "alice", alice);
        var afterBack = Assert.IsType<RosterMessage>(Assert.Single(driver.Send(2, new RosterRequestMessage(8)).FramesTo(2)));

        Assert.Equal(PeerAwayReasons.SocketClosed, whileAway.Peers.Single(p => p.PeerId == "alice").Away);
        Assert.All(afterBack.Peers, p => Assert.Null(p.Away));
        Assert.Equal(alice, afterBack.Peers.Single(p => p.PeerId == "alice").SessionId);
    }

    [Fact]
    public void A_resume_that_replaces_a_live_socket_tells_neither_away_nor_back()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Open(3);

        var resumed = driver.Join(3, "room", "alice", alice);

        Assert.Empty(resumed.FramesTo(2));
    }

    [Fact]
    public void Away_is_told_once_per_absence()
    {
        var driver = new ServerDriver();
        JoinAnnouncing(driver, 1, "alice", Ping);
        driver.OpenAndJoin(2, "room", "bob");
        driver.AdvanceTo(Instant.Zero + (Ping + Ping));

        var closed = driver.Handle(new ConnectionClosed(1));

        Assert.Empty(closed.FramesTo(2));
        Assert.Single(driver.History.FramesTo(2).OfType<PeerAwayMessage>());
    }

    [Fact]
    public void An_eviction_after_the_grace_is_peer_left_with_no_away_after_it()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Handle(new ConnectionClosed(1));

        var evicted = driver.AdvanceTo(Instant.Zero + Grace);

        Assert.Equal(
            [typeof(PeerAwayMessage), typeof(PeerLeftMessage)],
            driver.History.FramesTo(2).Where(m => m is PeerAwayMessage or PeerLeftMessage or PeerBackMessage).Select(m => m.GetType()));
        Assert.Equal(alice, Assert.Single(evicted.FramesTo(2).OfType<PeerLeftMessage>()).SessionId);
    }

    [Fact]
    public void A_leave_is_peer_left_with_no_away()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");

        driver.Send(1, new LeaveMessage());
        driver.Handle(new ConnectionClosed(1));

        Assert.Empty(driver.History.FramesTo(2).OfType<PeerAwayMessage>());
    }

    [Fact]
    public void A_token_expiry_tells_peer_away_closed_by_server_with_its_code()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");

        var expired = driver.Handle(new TokenExpired(1));

        Assert.Equal([new PeerAwayMessage("alice", alice, PeerAwayReasons.ClosedByServer, CloseCodes.TokenExpired)], expired.FramesTo(2));
    }

    [Fact]
    public void Away_and_back_spend_no_roster_version()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.OpenAndJoin(3, "room", "carol");
        var carolJoined = driver.History.FramesTo(2).OfType<PeerJoinedMessage>().Single().Version;
        driver.Handle(new ConnectionClosed(1));
        driver.Open(4);
        driver.Join(4, "room", "alice", alice);

        var published = driver.Send(4, new PublishStreamMessage(ServerDriver.Stream("cam")));

        Assert.Equal(carolJoined + 1, Assert.IsType<PeerUpdatedMessage>(Assert.Single(published.FramesTo(2))).Version);
    }

    private static string JoinAnnouncing(ServerDriver driver, long connection, string peerId, TimeSpan ping)
    {
        driver.Open(connection);
        return driver.Send(connection, new JoinMessage("room", peerId, ServerDriver.Meta(), [], null, (long)ping.TotalMilliseconds))
            .FramesTo(connection).OfType<WelcomeMessage>().Single().SessionId;
    }
}

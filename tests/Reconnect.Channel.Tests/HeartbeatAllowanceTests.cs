using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Channel.Tests;

public sealed class HeartbeatAllowanceTests
{
    private static readonly TimeSpan Grace = new ChannelServerOptions().SilenceGrace;
    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(20);

    [Fact]
    public void The_grace_starts_once_the_announced_heartbeat_is_overdue()
    {
        var driver = new ServerDriver();
        JoinAnnouncing(driver, 1, "alice", Ping);
        driver.Handle(new ConnectionClosed(1));

        var before = driver.AdvanceTo(Instant.Zero + (Ping + Grace - TimeSpan.FromMilliseconds(1)));
        var at = driver.AdvanceTo(Instant.Zero + (Ping + Grace));

        Assert.Empty(before.Notices(ChannelNoticeKinds.Evicted));
        Assert.Single(at.Notices(ChannelNoticeKinds.Evicted));
    }

    [Fact]
    public void An_outage_just_under_the_grace_survives_even_when_it_starts_just_before_a_ping_was_due()
    {
        var driver = new ServerDriver();
        var alice = JoinAnnouncing(driver, 1, "alice", Ping);
        var outageStart = Instant.Zero + (Ping - TimeSpan.FromMilliseconds(1));
        driver.AdvanceTo(outageStart);
        driver.Handle(new ConnectionClosed(1));
        driver.AdvanceTo(outageStart + (Grace - TimeSpan.FromMilliseconds(1)));
        driver.Open(2);

        var back = driver.Send(2, new JoinMessage("room", "alice", ServerDriver.Meta(), [], alice, (long)Ping.TotalMilliseconds));

        Assert.True(Assert.IsType<WelcomeMessage>(Assert.Single(back.FramesTo(2))).Resumed);
        Assert.Empty(driver.History.Notices(ChannelNoticeKinds.Evicted));
    }

    [Fact]
    public void A_client_announcing_no_ping_interval_gets_the_grace_from_its_last_frame()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.Handle(new ConnectionClosed(1));

        var at = driver.AdvanceTo(Instant.Zero + Grace);

        Assert.Single(at.Notices(ChannelNoticeKinds.Evicted));
    }

    [Fact]
    public void An_announced_interval_beyond_the_server_maximum_is_cut_to_it()
    {
        var max = TimeSpan.FromSeconds(30);
        var driver = new ServerDriver(new ChannelServerOptions { MaxHeartbeatAllowance = max });
        JoinAnnouncing(driver, 1, "alice", TimeSpan.FromHours(1));
        driver.Handle(new ConnectionClosed(1));

        var before = driver.AdvanceTo(Instant.Zero + (max + Grace - TimeSpan.FromMilliseconds(1)));
        var at = driver.AdvanceTo(Instant.Zero + (max + Grace));

        Assert.Empty(before.Notices(ChannelNoticeKinds.Evicted));
        Assert.Single(at.Notices(ChannelNoticeKinds.Evicted));
    }

    [Fact]
    public void A_resume_announcing_a_shorter_interval_brings_the_eviction_forward()
    {
        var driver = new ServerDriver();
        var alice = JoinAnnouncing(driver, 1, "alice", TimeSpan.FromSeconds(50));
        driver.Open(2);
        driver.Send(2, new JoinMessage("room", "alice", ServerDriver.Meta(), [], alice, PingIntervalMs: 0));
        driver.Handle(new ConnectionClosed(2));

        var at = driver.AdvanceTo(Instant.Zero + Grace);

        Assert.Single(at.Notices(ChannelNoticeKinds.Evicted));
    }

    [Fact]
    public void A_join_announcing_a_negative_ping_interval_is_malformed_and_starts_no_session()
    {
        var driver = new ServerDriver();
        driver.Open(1);

        var outputs = driver.Send(1, new JoinMessage("room", "alice", ServerDriver.Meta(), [], null, PingIntervalMs: -1));

        Assert.Empty(outputs.Frames());
        Assert.Single(outputs.Notices(ChannelNoticeKinds.Malformed));
        Assert.Empty(driver.Server.Channels);
    }

    [Fact]
    public void A_retry_hint_is_cut_to_half_the_grace_so_honouring_it_keeps_the_session()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");

        var outputs = driver.Handle(new ServerShuttingDown(RetryAfterMs: 600_000));

        Assert.Equal(new GoingAwayMessage(22_500), Assert.Single(outputs.FramesTo(1)));
        Assert.Equal(TimeSpan.FromMilliseconds(22_500), new ChannelServerOptions().MaxRetryHint);
    }

    [Fact]
    public void A_negative_retry_hint_is_a_bug_and_throws()
    {
        var driver = new ServerDriver();

        Assert.Throws<ArgumentOutOfRangeException>(() => driver.Handle(new ServerShuttingDown(RetryAfterMs: -1)));
    }

    private static string JoinAnnouncing(ServerDriver driver, long connection, string peerId, TimeSpan ping)
    {
        driver.Open(connection);
        var welcome = driver.Send(connection, new JoinMessage("room", peerId, ServerDriver.Meta(), [], null, (long)ping.TotalMilliseconds))
            .FramesTo(connection).OfType<WelcomeMessage>().Single();
        Assert.Equal(ServerDriver.GraceMs, welcome.SilenceGraceMs);
        return welcome.SessionId;
    }
}

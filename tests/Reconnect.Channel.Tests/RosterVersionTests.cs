using Reconnect.Core.Protocol;

namespace Reconnect.Channel.Tests;

public sealed class RosterVersionTests
{
    [Fact]
    public void Every_roster_change_gets_the_next_version_and_a_snapshot_carries_the_newest_it_reflects()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        var joined = driver.OpenAndJoinSeenBy(3, "room", "carol", observer: 1);
        var updated = driver.Send(2, new PublishStreamMessage(ServerDriver.Stream("cam"))).FramesTo(1);
        var left = driver.Send(3, new LeaveMessage()).FramesTo(1);

        var roster = Assert.IsType<RosterMessage>(Assert.Single(driver.Send(1, new RosterRequestMessage(7)).FramesTo(1)));

        Assert.Equal(3, Assert.IsType<PeerJoinedMessage>(Assert.Single(joined)).Version);
        Assert.Equal(4, Assert.IsType<PeerUpdatedMessage>(Assert.Single(updated)).Version);
        Assert.Equal(5, Assert.IsType<PeerLeftMessage>(Assert.Single(left)).Version);
        Assert.Equal(5, roster.Version);
        Assert.Equal(["bob"], roster.Peers.Select(p => p.PeerId));
    }

    [Fact]
    public void A_snapshot_taken_before_a_join_is_older_than_the_join_event()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");

        var before = Assert.IsType<RosterMessage>(Assert.Single(driver.Send(1, new RosterRequestMessage(1)).FramesTo(1)));
        var joined = Assert.IsType<PeerJoinedMessage>(Assert.Single(driver.OpenAndJoinSeenBy(2, "room", "bob", observer: 1)));

        Assert.Empty(before.Peers);
        Assert.True(before.Version < joined.Version, $"snapshot {before.Version}, join {joined.Version}");
    }

    [Fact]
    public void Versions_are_counted_over_every_channel_and_an_eviction_counts_too()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "red", "alice");
        driver.OpenAndJoin(2, "blue", "bob");
        driver.Handle(new ConnectionClosed(1));
        driver.Advance(TimeSpan.FromSeconds(30));
        driver.Send(2, new PingMessage(1));
        driver.Advance(TimeSpan.FromSeconds(16));

        var roster = Assert.IsType<RosterMessage>(Assert.Single(driver.Send(2, new RosterRequestMessage(1)).FramesTo(2)));
        var fresh = Assert.IsType<PeerJoinedMessage>(Assert.Single(driver.OpenAndJoinSeenBy(3, "blue", "carol", observer: 2)));

        Assert.Single(driver.History.Notices(ChannelNoticeKinds.Evicted));
        Assert.Equal(3, roster.Version);
        Assert.Equal(4, fresh.Version);
    }
}

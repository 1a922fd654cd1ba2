using Reconnect.Core.Protocol;

namespace Reconnect.Channel.Tests;

public sealed class StreamTests
{
    [Fact]
    public void Publish_updates_the_roster_entry_and_others_get_peer_updated()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");

        var outputs = driver.Send(1, new PublishStreamMessage(ServerDriver.Stream("cam")));

        var expected = new RosterEntry("alice", alice, ServerDriver.Meta(), [ServerDriver.Stream("cam")]);
        Assert.Equal(new PeerUpdatedMessage(expected, Version: 3), Assert.Single(outputs.FramesTo(2)));
        Assert.Empty(outputs.FramesTo(1));
        Assert.Equal(expected, driver.Server.Roster("room")[0]);
    }

    [Fact]
    public void Republishing_a_stream_replaces_it_in_place_and_an_identical_one_broadcasts_nothing()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Send(1, new PublishStreamMessage(ServerDriver.Stream("cam")));
        driver.Send(1, new PublishStreamMessage(ServerDriver.Stream("mic", "audio")));

        var changed = driver.Send(1, new PublishStreamMessage(ServerDriver.Stream("cam", "screen")));
        var same = driver.Send(1, new PublishStreamMessage(ServerDriver.Stream("cam", "screen")));

        Assert.Single(changed.FramesTo(2));
        Assert.Empty(same.FramesTo(2));
        Assert.Equal(
            [ServerDriver.Stream("cam", "screen"), ServerDriver.Stream("mic", "audio")],
            driver.Server.Roster("room")[0].Streams);
    }

    [Fact]
    public void Unpublish_removes_the_stream_and_others_get_peer_updated_unless_it_was_absent()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Send(1, new PublishStreamMessage(ServerDriver.Stream("cam")));

        var removed = driver.Send(1, new UnpublishStreamMessage("cam"));
        var absent = driver.Send(1, new UnpublishStreamMessage("cam"));

        Assert.Equal(new PeerUpdatedMessage(new RosterEntry("alice", alice, ServerDriver.Meta(), []), Version: 4), Assert.Single(removed.FramesTo(2)));
        Assert.Empty(absent.Frames());
        Assert.Empty(driver.Server.Roster("room")[0].Streams);
    }

    [Fact]
    public void Join_with_a_repeated_stream_id_keeps_the_first()
    {
        var driver = new ServerDriver();
        driver.Open(1);

        driver.Join(1, "room", "alice", null, ServerDriver.Stream("cam"), ServerDriver.Stream("cam", "screen"));

        Assert.Equal([ServerDriver.Stream("cam")], driver.Server.Roster("room")[0].Streams);
    }
}

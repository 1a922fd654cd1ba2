using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Channel.Tests;

public sealed class JoinTests
{
    [Fact]
    public void New_join_gets_a_deterministic_session_and_others_get_peer_joined()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.Open(2);

        var outputs = driver.Join(2, "room", "bob", null, ServerDriver.Stream("cam"));

        Assert.Equal("s1", alice);
        Assert.Equal(new WelcomeMessage("bob", "s2", Resumed: false, SilenceGraceMs: ServerDriver.GraceMs), Assert.Single(outputs.FramesTo(2)));
        var joined = Assert.IsType<PeerJoinedMessage>(Assert.Single(outputs.FramesTo(1)));
        Assert.Equal(new RosterEntry("bob", "s2", ServerDriver.Meta(), [ServerDriver.Stream("cam")]), joined.Peer);
        Assert.Single(outputs.Notices(ChannelNoticeKinds.Joined));
    }

    [Fact]
    public void Roster_is_not_pushed_on_join_only_the_welcome_is_sent()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.Open(2);

        var toBob = driver.Join(2, "room", "bob").FramesTo(2);

        Assert.IsType<WelcomeMessage>(Assert.Single(toBob));
    }

    [Fact]
    public void Roster_request_answers_every_other_session_attached_or_detached_ordered_by_peer_id()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "mallory");
        driver.OpenAndJoin(2, "room", "alice");
        driver.OpenAndJoin(3, "room", "Zed");
        driver.OpenAndJoin(4, "room", "bob");
        driver.Handle(new ConnectionClosed(2));

        var roster = Assert.IsType<RosterMessage>(Assert.Single(driver.Send(4, new RosterRequestMessage(42)).FramesTo(4)));

        Assert.Equal(42, roster.RequestId);
        Assert.Equal(["Zed", "alice", "mallory"], roster.Peers.Select(p => p.PeerId));
        Assert.Equal(["Zed", "alice", "bob", "mallory"], driver.Server.Roster("room").Select(p => p.PeerId));
    }

    [Fact]
    public void Join_of_a_peer_already_in_the_channel_replaces_the_old_session()
    {
        var driver = new ServerDriver();
        var old = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Open(3);

        var outputs = driver.Join(3, "room", "alice");

        Assert.Equal(new CloseConnection(1, CloseCodes.Normal, "replaced"), Assert.Single(outputs.Closes()));
        Assert.Equal(
            [
                new PeerLeftMessage("alice", old, "replaced", Version: 3),
                new PeerJoinedMessage(new RosterEntry("alice", "s3", ServerDriver.Meta(), []), Version: 4, Replaces: new DepartedSession("alice", old, "replaced")),
            ],
            outputs.FramesTo(2));
        Assert.Equal(new WelcomeMessage("alice", "s3", Resumed: false, SilenceGraceMs: ServerDriver.GraceMs), Assert.Single(outputs.FramesTo(3)));
        Assert.Equal(["alice", "bob"], driver.Server.Roster("room").Select(p => p.PeerId));
    }

    [Fact]
    public void Join_into_a_full_channel_closes_with_4006_and_leaves_the_roster_unchanged()
    {
        var driver = new ServerDriver(new ChannelServerOptions { RosterCapacity = 2 });
        driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Open(3);
        driver.Open(4);

        var refused = driver.Join(3, "room", "carol");
        var replacing = driver.Join(4, "room", "bob");

        Assert.Equal(new CloseConnection(3, CloseCodes.OverCapacity, "over_capacity"), Assert.Single(refused.Closes()));
        Assert.Contains(replacing.FramesTo(4), m => m is WelcomeMessage);
        Assert.Equal(["alice", "bob"], driver.Server.Roster("room").Select(p => p.PeerId));
    }

    [Fact]
    public void Second_join_on_a_joined_connection_is_ignored_with_a_notice()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");

        var outputs = driver.Join(1, "other", "alice");

        Assert.Empty(outputs.Frames());
        Assert.Single(outputs.Notices(ChannelNoticeKinds.Ignored));
        Assert.Empty(driver.Server.Roster("other"));
    }

    [Fact]
    public void Messages_before_join_are_ignored_with_a_notice()
    {
        var driver = new ServerDriver();
        driver.Open(1);

        var outputs = driver.Send(1, new PingMessage(1));
        outputs.AddRange(driver.Send(1, new RosterRequestMessage(1)));
        outputs.AddRange(driver.Send(1, new LeaveMessage()));

        Assert.Empty(outputs.Frames());
        Assert.Empty(outputs.Closes());
        Assert.Equal(3, outputs.Notices(ChannelNoticeKinds.Ignored).Count);
    }

    [Fact]
    public void Channels_are_independent_and_an_empty_channel_disappears()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "red", "alice");
        driver.OpenAndJoin(2, "blue", "alice");

        var leaving = driver.Send(1, new LeaveMessage());

        Assert.Empty(leaving.FramesTo(2));
        Assert.Equal(["blue"], driver.Server.Channels);
        Assert.Empty(driver.Server.Roster("red"));
        Assert.True(driver.Server.IsAttached("blue", "alice"));
    }

    [Fact]
    public void Roster_values_are_copied_sorted_so_encoding_does_not_depend_on_insertion_order()
    {
        var driver = new ServerDriver();
        driver.Open(1);
        driver.Open(2);
        driver.Send(1, new JoinMessage("room", "alice", ServerDriver.Meta(("b", "2"), ("a", "1")), [], null));
        driver.Send(2, new JoinMessage("other", "alice", ServerDriver.Meta(("a", "1"), ("b", "2")), [], null));

        var red = ProtocolCodec.Encode(new PeerJoinedMessage(driver.Server.Roster("room")[0] with { SessionId = "x" }));
        var blue = ProtocolCodec.Encode(new PeerJoinedMessage(driver.Server.Roster("other")[0] with { SessionId = "x" }));

        Assert.Equal(red, blue);
    }
}

using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Channel.Tests;

public sealed class LeaveAndKickTests
{
    [Fact]
    public void Leave_removes_the_session_tells_others_left_and_closes_with_1000()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");

        var outputs = driver.Send(1, new LeaveMessage());

        Assert.Equal(new CloseConnection(1, CloseCodes.Normal, "left"), Assert.Single(outputs.Closes()));
        Assert.Equal(new PeerLeftMessage("alice", alice, "left", Version: 3), Assert.Single(outputs.FramesTo(2)));
        Assert.Empty(outputs.FramesTo(1));
        Assert.Single(outputs.Notices(ChannelNoticeKinds.Left));
        Assert.Equal(["bob"], driver.Server.Roster("room").Select(p => p.PeerId));
    }

    [Fact]
    public void Admin_kick_closes_with_its_code_removes_the_session_and_others_get_kicked()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");

        var outputs = driver.Handle(new AdminKick("room", "alice", CloseCodes.AdminDisconnect));

        Assert.Equal(new CloseConnection(1, CloseCodes.AdminDisconnect, "kicked"), Assert.Single(outputs.Closes()));
        Assert.Equal(new PeerLeftMessage("alice", alice, "kicked", Version: 3), Assert.Single(outputs.FramesTo(2)));
        Assert.Single(outputs.Notices(ChannelNoticeKinds.Kicked));
        Assert.Equal(["bob"], driver.Server.Roster("room").Select(p => p.PeerId));
    }

    [Fact]
    public void Admin_kick_of_a_detached_session_removes_it_without_a_close()
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.Handle(new ConnectionClosed(1));

        var outputs = driver.Handle(new AdminKick("room", "alice", CloseCodes.AdminDisconnect));

        Assert.Empty(outputs.Closes());
        Assert.Empty(driver.Server.Channels);
    }

    [Fact]
    public void Admin_kick_of_an_unknown_peer_is_ignored_with_a_notice()
    {
        var driver = new ServerDriver();

        var outputs = driver.Handle(new AdminKick("room", "ghost", CloseCodes.AdminDisconnect));

        Assert.Equal([new ChannelNotice(ChannelNoticeKinds.Ignored, "room", "ghost", "kick for a peer with no session")], outputs);
    }

    [Theory]
    [InlineData(999)]
    [InlineData(1006)]
    [InlineData(5000)]
    public void Admin_kick_with_a_close_code_outside_1000_and_3000_to_4999_throws(int code)
    {
        var driver = new ServerDriver();

        Assert.Throws<ArgumentOutOfRangeException>(() => driver.Handle(new AdminKick("room", "alice", code)));
    }
}

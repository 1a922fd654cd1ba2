using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Channel.Tests;

/// <summary>The server remembers why sessions ended, so a peer that was away is told the true reason of what it missed.</summary>
public sealed class DepartureTests
{
    private static IReadOnlyList<DepartedSession> RosterDepartures(ServerDriver driver, long connection) =>
        driver.Send(connection, new RosterRequestMessage(1)).FramesTo(connection).OfType<RosterMessage>().Single().Departed ?? [];

    [Fact]
    public void The_roster_lists_every_remembered_departure_of_the_channel_with_its_true_reason_oldest_first()
    {
        var driver = new ServerDriver(new ChannelServerOptions { SilenceGrace = TimeSpan.FromSeconds(45) });
        driver.OpenAndJoin(1, "room", "alice");
        var bob = driver.OpenAndJoin(2, "room", "bob");
        var carol = driver.OpenAndJoin(3, "room", "carol");
        var dave = driver.OpenAndJoin(4, "room", "dave");
        driver.OpenAndJoin(5, "other", "erin");
        driver.Handle(new ConnectionClosed(1));
        driver.Handle(new ConnectionClosed(4));
        driver.Send(2, new LeaveMessage());
        driver.Handle(new AdminKick("room", "carol", CloseCodes.AdminDisconnect));
        driver.Send(5, new LeaveMessage());
        driver.Advance(TimeSpan.FromSeconds(44));
        driver.Open(6);
        driver.Join(6, "room", "alice", driver.Server.Roster("room").Single(p => p.PeerId == "alice").SessionId);
        driver.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(
            [new DepartedSession("bob", bob, "left"), new DepartedSession("carol", carol, "kicked"), new DepartedSession("dave", dave, "network-disconnect")],
            RosterDepartures(driver, 6));
    }

    [Fact]
    public void Departures_are_forgotten_after_the_memory_and_beyond_the_capacity()
    {
        var driver = new ServerDriver(new ChannelServerOptions { SilenceGrace = TimeSpan.FromHours(1), TerminalCloseMemory = TimeSpan.FromHours(1), DepartureMemory = TimeSpan.FromMinutes(1), DepartureCapacity = 2 });
        driver.OpenAndJoin(1, "room", "alice");
        foreach (var (connection, peer) in new[] { (2L, "bob"), (3L, "carol"), (4L, "dave") })
        {
            driver.OpenAndJoin(connection, "room", peer);
            driver.Send(connection, new LeaveMessage());
            driver.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.Equal(["carol", "dave"], RosterDepartures(driver, 1).Select(d => d.PeerId));
        driver.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(["dave"], RosterDepartures(driver, 1).Select(d => d.PeerId));
    }

    [Theory]
    [InlineData("alice", "kicked")]
    [InlineData("mallory", "network-disconnect")]
    public void A_resume_of_an_ended_session_is_refused_with_why_it_ended_for_its_own_peer_only(string resumingPeer, string reason)
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.Handle(new AdminKick("room", "alice", CloseCodes.OverCapacity));
        driver.Open(2);

        var outputs = driver.Join(2, "room", resumingPeer, alice);

        Assert.Equal(new EvictedMessage(reason), Assert.Single(outputs.FramesTo(2)));
    }

    [Fact]
    public void A_resume_of_a_session_the_server_never_knew_is_refused_as_network_disconnect()
    {
        var driver = new ServerDriver();
        driver.Open(1);

        var outputs = driver.Join(1, "room", "alice", "s99");

        Assert.Equal(new EvictedMessage("network-disconnect"), Assert.Single(outputs.FramesTo(1)));
    }

    [Fact]
    public void A_peer_back_as_a_new_session_is_announced_with_how_its_old_session_ended()
    {
        var driver = new ServerDriver();
        var alice = driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");
        driver.Handle(new ConnectionClosed(1));
        driver.Advance(TimeSpan.FromSeconds(30));
        driver.Send(2, new PingMessage(1));
        driver.Advance(TimeSpan.FromSeconds(16));
        driver.Open(3);

        var outputs = driver.Join(3, "room", "alice");

        var joined = Assert.IsType<PeerJoinedMessage>(Assert.Single(outputs.FramesTo(2)));
        Assert.Equal(new DepartedSession("alice", alice, "network-disconnect"), joined.Replaces);
    }

    [Fact]
    public void Invalid_departure_limits_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ChannelServerOptions { DepartureMemory = TimeSpan.FromTicks(-1), DepartureCapacity = -1 }.Validate());

        Assert.Contains("DepartureMemory", error.Message, StringComparison.Ordinal);
        Assert.Contains("DepartureCapacity", error.Message, StringComparison.Ordinal);
    }
}

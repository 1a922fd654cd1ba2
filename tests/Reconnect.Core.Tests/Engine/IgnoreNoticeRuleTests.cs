using Reconnect.Core.Engine;
using Reconnect.Core.Ports;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// An input a table ignores tells the app the table's reason, naming the machine and trigger (or the command); a trigger
/// one machine's effect sends another is no input of the app's, so when a table ignores it nothing is said.
/// </summary>
public sealed class IgnoreNoticeRuleTests
{
    private static EngineHarness JoinedWithBConnected()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");
        return h;
    }

    [Fact]
    public void Ice_connected_while_connected_tells_the_remote_peer_tables_reason()
    {
        var h = JoinedWithBConnected();
        var before = h.Checkpoint;

        h.Ice("B", IceConnectionState.Connected);

        Assert.Equal([new InputIgnoredNotice("RemotePeer B IceConnected", "already connected")], h.Since<EngineOutput>(before));
    }

    [Fact]
    public void Ice_disconnected_before_the_first_connect_tells_why_it_waits()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        var before = h.Checkpoint;

        h.Ice("B", IceConnectionState.Disconnected);

        Assert.Equal(
            new InputIgnoredNotice("RemotePeer B IceDisconnected", "not connected yet; the connect timeout bounds it"),
            Assert.Single(h.Since<InputIgnoredNotice>(before)));
    }

    [Fact]
    public void Network_back_while_the_socket_is_up_tells_the_signalling_socket_tables_reason()
    {
        var h = JoinedWithBConnected();
        var before = h.Checkpoint;

        h.Feed(new NetworkChanged(NetworkChange.Online));

        Assert.Contains(new InputIgnoredNotice("SignallingSocket NetworkRestored", "the socket is up; liveness decides"), h.Since<InputIgnoredNotice>(before));
    }

    [Fact]
    public void Network_lost_while_offline_tells_that_attempts_are_already_paused()
    {
        var h = JoinedWithBConnected();
        h.Feed(new NetworkChanged(NetworkChange.Offline));
        var before = h.Checkpoint;

        h.Feed(new NetworkChanged(NetworkChange.Offline));

        Assert.Equal(new InputIgnoredNotice("SignallingSocket NetworkLost", "already paused"), Assert.Single(h.Since<InputIgnoredNotice>(before)));
    }

    [Fact]
    public void A_command_the_table_ignores_is_named_by_the_command()
    {
        var h = new EngineHarness();

        h.Feed(new LeaveRequested());

        Assert.Equal([new InputIgnoredNotice("leave", "not in a channel: nothing to leave")], h.Outputs);
    }

    [Fact]
    public void After_a_network_change_fanned_out_to_the_peers_an_ignored_input_is_told_again()
    {
        var h = JoinedWithBConnected();
        h.Feed(new NetworkChanged(NetworkChange.Online));
        var before = h.Checkpoint;

        h.Ice("B", IceConnectionState.Connected);

        Assert.Equal([new InputIgnoredNotice("RemotePeer B IceConnected", "already connected")], h.Since<EngineOutput>(before));
    }

    [Fact]
    public void Signals_between_machines_that_a_table_ignores_are_not_reported()
    {
        var h = new EngineHarness();

        h.Feed(new CloseRequested());

        Assert.Empty(h.All<InputIgnoredNotice>());
        Assert.Contains("Reconcile: Idle ignores Superseded", h.Engine.Coverage.Keys);
    }
}

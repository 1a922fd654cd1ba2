using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.Checkers;

public sealed class CheckerTests
{
    private static Scenario TwoIdlePeers() => new()
    {
        Name = "checker-fixture",
        Peers =
        [
            new PeerSpec { Name = "A", Channel = "room", JoinAtMs = null },
            new PeerSpec { Name = "B", Channel = "room", JoinAtMs = null },
        ],
        Timeline = [new FaultSpec { AtMs = 1, Kind = FaultKind.PeerJoin, Peer = "A" }, new FaultSpec { AtMs = 1, Kind = FaultKind.PeerJoin, Peer = "B" }],
    };

    private static RosterEntry Entry(string id, string session) =>
        new(id, session, new SortedDictionary<string, string>(), []);

    [Fact]
    public void A_state_notice_whose_from_is_not_the_last_to_is_a_violation()
    {
        var world = new SimWorld(TwoIdlePeers(), 7);
        var checker = new InvariantChecker(7, world.Peers, TimeSpan.Zero);
        checker.OnNotice(world.Peers[0], new LocalStateChangedNotice(LocalPeerState.Idle, LocalPeerState.Joining, "join"), 0);
        checker.OnNotice(world.Peers[0], new LocalStateChangedNotice(LocalPeerState.Joined, LocalPeerState.Reconnecting, "drop"), 5);

        var violation = Assert.Single(checker.Violations);
        Assert.StartsWith("SEED=0x7 t=5ms invariant legal-transitions", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_remote_peer_object_for_the_same_id_without_a_leave_is_a_violation()
    {
        var world = new SimWorld(TwoIdlePeers(), 7);
        var checker = new InvariantChecker(7, world.Peers, TimeSpan.Zero);
        checker.OnNotice(world.Peers[0], new PeerJoinedNotice(Entry("B", "s1"), 1), 0);
        checker.OnNotice(world.Peers[0], new PeerJoinedNotice(Entry("B", "s1"), 2), 10);

        Assert.Contains(checker.Violations, v => v.Contains("invariant identity-kept", StringComparison.Ordinal));
    }

    [Fact]
    public void Peer_left_for_a_peer_the_server_never_removed_is_a_violation()
    {
        var world = new SimWorld(TwoIdlePeers(), 7);
        var checker = new InvariantChecker(7, world.Peers, TimeSpan.Zero);
        checker.OnNotice(world.Peers[0], new PeerJoinedNotice(Entry("B", "s1"), 1), 0);
        checker.OnNotice(world.Peers[0], new PeerLeftNotice("B", 1, "left"), 10);

        Assert.Contains(checker.Violations, v => v.Contains("invariant no-peer-left-for-a-healing-drop", StringComparison.Ordinal));
    }

    [Fact]
    public void Stream_removed_without_the_peer_leaving_in_the_same_step_is_a_violation()
    {
        var world = new SimWorld(TwoIdlePeers(), 7);
        var checker = new InvariantChecker(7, world.Peers, TimeSpan.Zero);
        checker.OnNotice(world.Peers[0], new StreamRemovedNotice("B", 1, "camB", 3), 10);
        checker.AfterStep(10);

        Assert.Contains(checker.Violations, v => v.Contains("invariant no-stream-removed-for-a-healing-drop", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stream_removed_after_its_publisher_withdrew_it_is_allowed_once_per_withdrawal()
    {
        var world = new SimWorld(TwoIdlePeers(), 7);
        var checker = new InvariantChecker(7, world.Peers, TimeSpan.Zero);
        checker.OnInput("B", new LocalStreamRemoved("screenB"));

        checker.OnNotice(world.Peers[0], new StreamRemovedNotice("B", 1, "screenB", 3), 10);
        checker.AfterStep(10);
        Assert.Empty(checker.Violations);

        checker.OnNotice(world.Peers[0], new StreamRemovedNotice("B", 1, "screenB", 4), 20);
        checker.AfterStep(20);
        Assert.Contains(checker.Violations, v => v.Contains("invariant no-stream-removed-for-a-healing-drop", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("network-disconnect", false)]
    [InlineData("unknown", true)]
    [InlineData("replaced", true)]
    public void Peer_left_for_a_session_the_server_lost_in_a_crash_is_right_only_once_the_rejoin_wait_ran_out(string reason, bool violation)
    {
        var world = new SimWorld(TwoIdlePeers(), 7);
        var checker = new InvariantChecker(7, world.Peers, TimeSpan.Zero);
        checker.OnNotice(world.Peers[0], new PeerJoinedNotice(Entry("B", "s2"), 1), 0);
        checker.SessionsLost(["s1", "s2"]);

        checker.OnNotice(world.Peers[0], new PeerLeftNotice("B", 1, reason), 10);

        Assert.Equal(violation, checker.Violations.Any(v => v.Contains("invariant no-peer-left-for-a-healing-drop", StringComparison.Ordinal)));
    }

    [Fact]
    public void Any_event_after_closed_is_a_violation()
    {
        var world = new SimWorld(TwoIdlePeers(), 7);
        var checker = new InvariantChecker(7, world.Peers, TimeSpan.Zero);
        checker.OnNotice(world.Peers[0], new LocalStateChangedNotice(LocalPeerState.Idle, LocalPeerState.Closed, "close"), 0);
        checker.OnNotice(world.Peers[0], new RemoteStateChangedNotice("B", 1, RemotePeerState.Idle, RemotePeerState.Connecting, "late"), 1);

        Assert.Contains(checker.Violations, v => v.Contains("invariant no-event-after-close", StringComparison.Ordinal));
    }

    [Fact]
    public void A_socket_attempt_after_a_terminal_close_is_a_violation()
    {
        var world = new SimWorld(TwoIdlePeers(), 7);
        var checker = new InvariantChecker(7, world.Peers, TimeSpan.Zero);
        checker.OnNotice(world.Peers[0], new ErrorRaisedNotice(new TerminalCloseError(4001, "invalid_token")), 0);
        checker.OnNotice(world.Peers[0], new SocketAttemptStartedNotice(2, 2), 600);

        Assert.Contains(checker.Violations, v => v.Contains("invariant no-retry-after-terminal", StringComparison.Ordinal));
    }

    [Fact]
    public void A_state_kept_past_its_deadline_is_reported()
    {
        var world = new SimWorld(TwoIdlePeers(), 7);
        var peer = world.Peers[0];
        peer.Pump.Post(new JoinRequested("room", "A", new SortedDictionary<string, string>()));
        var deadlines = new DeadlineChecker(TimeSpan.Zero);

        Assert.Empty(deadlines.CheckEngines(world.Peers, 0));
        Assert.Empty(deadlines.CheckEngines(world.Peers, 10_500));
        var overrun = Assert.Single(deadlines.CheckEngines(world.Peers, 11_500));
        Assert.Contains("A socket stayed FetchingToken", overrun, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_that_heals_meets_every_invariant_and_its_expectations()
    {
        var result = new SimWorld(TwoIdlePeers(), 7).Run();

        Assert.True(result.Passed(healExpected: true), string.Join("\n", result.Violations.Concat(result.Misses).Concat(result.Pending)));
    }
}

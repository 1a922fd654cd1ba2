using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.Checkers;

/// <summary>The no-flicker invariant the simulator checks on every run: shown only after the threshold, recovered only after shown.</summary>
public sealed class NoFlickerCheckerTests
{
    private const long Threshold = 1_000;

    [Fact]
    public void A_local_reconnect_shown_after_the_threshold_and_told_recovered_before_joined_is_no_violation()
    {
        var (checker, a) = Checker();
        LocalReconnect(checker, a, 10_000);
        checker.OnNotice(a, new ReconnectingVisibleNotice(null, null, TimeSpan.FromSeconds(1)), 10_000 + Threshold);
        checker.OnNotice(a, new ReconnectingRecoveredNotice(null, null, TimeSpan.FromSeconds(3)), 13_000);
        checker.OnNotice(a, new LocalStateChangedNotice(LocalPeerState.Reconnecting, LocalPeerState.Joined, "healed"), 13_000);

        Assert.Empty(checker.Violations);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Threshold - 1)]
    public void A_reconnect_shown_before_its_threshold_is_a_violation(long after)
    {
        var (checker, a) = Checker();
        LocalReconnect(checker, a, 10_000);
        checker.OnNotice(a, new ReconnectingVisibleNotice(null, null, TimeSpan.FromSeconds(1)), 10_000 + after);

        Assert.Contains(checker.Violations, v => v.Contains("invariant no-flicker", StringComparison.Ordinal) && v.Contains("before its 1000 ms threshold", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reconnect_shown_while_not_reconnecting_or_twice_is_a_violation()
    {
        var (checker, a) = Checker();
        checker.OnNotice(a, new ReconnectingVisibleNotice("B", 1, TimeSpan.FromSeconds(1)), 5_000);
        checker.OnNotice(a, new RemoteStateChangedNotice("B", 1, RemotePeerState.Connected, RemotePeerState.Reconnecting, "ICE failed"), 6_000);
        checker.OnNotice(a, new ReconnectingVisibleNotice("B", 1, TimeSpan.FromSeconds(1)), 8_000);
        checker.OnNotice(a, new ReconnectingVisibleNotice("B", 1, TimeSpan.FromSeconds(2)), 9_000);

        Assert.Contains(checker.Violations, v => v.Contains("B was shown reconnecting while not reconnecting", StringComparison.Ordinal));
        Assert.Contains(checker.Violations, v => v.Contains("B was shown reconnecting twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Recovered_without_shown_or_a_shown_heal_without_recovered_is_a_violation()
    {
        var (checker, a) = Checker();
        checker.OnNotice(a, new RemoteStateChangedNotice("B", 1, RemotePeerState.Connected, RemotePeerState.Reconnecting, "ICE failed"), 1_000);
        checker.OnNotice(a, new ReconnectingRecoveredNotice("B", 1, TimeSpan.FromMilliseconds(500)), 1_500);
        checker.OnNotice(a, new RemoteStateChangedNotice("B", 1, RemotePeerState.Reconnecting, RemotePeerState.Connected, "ICE connected"), 1_500);
        checker.OnNotice(a, new RemoteStateChangedNotice("B", 1, RemotePeerState.Connected, RemotePeerState.Reconnecting, "ICE failed"), 2_000);
        checker.OnNotice(a, new ReconnectingVisibleNotice("B", 1, TimeSpan.FromSeconds(1)), 3_000);
        checker.OnNotice(a, new RemoteStateChangedNotice("B", 1, RemotePeerState.Reconnecting, RemotePeerState.Connected, "ICE connected"), 4_000);

        Assert.Contains(checker.Violations, v => v.Contains("told recovered from a reconnect it was never shown", StringComparison.Ordinal));
        Assert.Contains(checker.Violations, v => v.Contains("healed from a shown reconnect without a recovered notice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shown_reconnect_that_ends_closed_needs_no_recovered_notice_and_the_next_one_is_checked_afresh()
    {
        var (checker, a) = Checker();
        LocalReconnect(checker, a, 1_000);
        checker.OnNotice(a, new ReconnectingVisibleNotice(null, null, TimeSpan.FromSeconds(1)), 2_000);
        checker.OnNotice(a, new LocalStateChangedNotice(LocalPeerState.Reconnecting, LocalPeerState.Joining, "evicted: rejoin"), 3_000);
        checker.OnNotice(a, new LocalStateChangedNotice(LocalPeerState.Joining, LocalPeerState.Joined, "welcome"), 4_000);
        LocalReconnect(checker, a, 5_000, from: LocalPeerState.Joined);
        checker.OnNotice(a, new ReconnectingVisibleNotice(null, null, TimeSpan.FromSeconds(1)), 6_000);

        Assert.Empty(checker.Violations);
    }

    private static void LocalReconnect(InvariantChecker checker, ICheckedPeer a, long atMs, LocalPeerState? from = null)
    {
        if (from is null)
        {
            checker.OnNotice(a, new LocalStateChangedNotice(LocalPeerState.Idle, LocalPeerState.Joining, "join"), 0);
            checker.OnNotice(a, new LocalStateChangedNotice(LocalPeerState.Joining, LocalPeerState.Joined, "welcome"), 0);
        }

        checker.OnNotice(a, new LocalStateChangedNotice(LocalPeerState.Joined, LocalPeerState.Reconnecting, "socket lost"), atMs);
    }

    private static (InvariantChecker Checker, ICheckedPeer A) Checker()
    {
        var scenario = new Scenario { Name = "no-flicker", Peers = [new PeerSpec { Name = "A", Channel = "room", JoinAtMs = null }, new PeerSpec { Name = "B", Channel = "room", JoinAtMs = null }] };
        var world = new SimWorld(scenario, 7);
        return (new InvariantChecker(7, world.Peers, TimeSpan.Zero), world.Peers[0]);
    }
}

using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

public sealed class ScenarioLibraryRunTests
{
    public static TheoryData<string> ScenarioNames()
    {
        var library = ScenarioLibrary.Locate() ?? throw new InvalidOperationException("scenarios/ not found");
        var data = new TheoryData<string>();
        foreach (var name in library.Names)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_scenario_in_the_library_runs_green(string name)
    {
        var scenario = ScenarioLibrary.Resolve(name);
        var result = new SimWorld(scenario).Run();
        var expectHeal = scenario.Expect?.Healed ?? true;
        Assert.True(
            result.Passed(expectHeal),
            $"SEED=0x{result.Seed:x} scenario {name}:\n{string.Join("\n", result.Violations.Concat(result.Misses).Concat(result.Pending.Select(p => "pending: " + p)))}\n{new TimelinePrinter().Print(result.Trace.Events)}");
    }

    [Fact]
    public void The_seed_demo_heals_without_peer_left_or_errors()
    {
        var result = new SimWorld(ScenarioLibrary.SeedDemo).Run();
        var events = result.Trace.Events;
        Assert.Empty(result.Violations);
        Assert.DoesNotContain(events, e => e.Event is TraceEventKind.PeerLeft or TraceEventKind.StreamRemoved or TraceEventKind.Error);
        Assert.Contains(events, e => e.Event == TraceEventKind.StateChange && e.Peer == "A" && e.From == "joined" && e.To == "reconnecting");
        Assert.Contains(events, e => e.Event == TraceEventKind.StateChange && e.Peer == "A" && e.From == "reconnecting" && e.To == "joined" && e.T > 15_000);
        Assert.Contains(events, e => e.Event == TraceEventKind.Heal && e.T > 15_000 && e.T < 20_000);
    }

    [Fact]
    public void A_remote_peer_keeps_its_identity_across_a_drop_that_rebuilds_its_connection()
    {
        var result = new SimWorld(ScenarioLibrary.Resolve("offline-long-inside-grace")).Run();
        var events = result.Trace.Events;
        var joinedRefs = events.Where(e => e.Event == TraceEventKind.PeerJoined && e.Peer == "A" && e.Remote == "B").Select(e => e.Ref).ToList();
        Assert.Single(joinedRefs);
        var added = events.Where(e => e.Event == TraceEventKind.StreamAdded && e.Peer == "A" && e.Stream == "camB").ToList();
        Assert.True(added.Count >= 2, $"SEED=0x{result.Seed:x}: camB was added {added.Count} times");
        Assert.All(added, e => Assert.Equal(joinedRefs[0], e.Ref));
        Assert.Equal(added.Count, added.Select(e => e.StreamRef).Distinct().Count());
        Assert.True(added[^1].Conn > added[0].Conn, "the stream was re-added on a newer connection generation");
    }

    [Fact]
    public void A_join_in_the_same_instant_as_a_leave_rejoins_as_a_new_session_after_one_peer_left_with_reason_left()
    {
        var world = new SimWorld(ScenarioLibrary.Resolve("join-during-leave"));
        var result = world.Run();
        var events = result.Trace.Events;

        var left = Assert.Single(events, e => e.Event == TraceEventKind.PeerLeft);
        Assert.Equal(("B", "A", "left"), (left.Peer, left.Remote, left.Reason));
        Assert.Contains(events, e => e.Event == TraceEventKind.StateChange && e.Peer == "A" && e.From == "leaving" && e.To == "joining");
        Assert.DoesNotContain(events, e => e.Event == TraceEventKind.Error);
        Assert.Equal(LocalPeerState.Joined, world.Peers[0].Engine.LocalState);
    }

    [Fact]
    public void A_peer_that_closes_is_seen_leaving_at_once_with_reason_left_not_after_the_grace()
    {
        var scenario = ScenarioLibrary.Resolve("peer-close");
        var closeAt = scenario.Timeline.Single(f => f.Kind == FaultKind.PeerClose).AtMs;

        var result = new SimWorld(scenario).Run();

        var left = Assert.Single(result.Trace.Events, e => e.Event == TraceEventKind.PeerLeft);
        Assert.Equal(("A", "B", "left"), (left.Peer, left.Remote, left.Reason));
        Assert.InRange(left.T, closeAt, closeAt + 1_000);
    }

    [Fact]
    public void Both_peers_evicted_while_away_report_each_others_departure_as_network_disconnect_after_both_rejoined()
    {
        var result = new SimWorld(ScenarioLibrary.Resolve("both-offline-past-grace")).Run();

        var left = result.Trace.Events.Where(e => e.Event == TraceEventKind.PeerLeft).ToList();
        Assert.Equal([("A", "B"), ("B", "A")], left.Select(e => (e.Peer!, e.Remote!)).Order());
        Assert.All(left, e => Assert.Equal("network-disconnect", e.Reason));
    }
}

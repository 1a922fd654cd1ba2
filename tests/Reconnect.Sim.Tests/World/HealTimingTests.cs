using Reconnect.Testing.Scenarios;
using Reconnect.Sim.Tests.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

public sealed class HealTimingTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    [InlineData(6UL)]
    [InlineData(7UL)]
    [InlineData(8UL)]
    public void A_heal_followed_by_nothing_else_due_is_stamped_within_one_probe_period(ulong seed)
    {
        var scenario = new Scenario
        {
            Name = "solo",
            DurationMs = 60_000,
            Network = new NetworkSettings { LatencyMs = 5, JitterMs = 2 },
            Peers = [new PeerSpec { Name = "A", Channel = "room" }],
            Timeline = [new FaultSpec { AtMs = 10_000, Kind = FaultKind.Offline, Peer = "A", DurationMs = 5_000 }],
        };

        var events = new SimWorld(scenario, seed).Run().Trace.Events;

        var rejoined = events.First(e => e is { Peer: "A", Event: TraceEventKind.StateChange, From: "reconnecting", To: "joined" });
        var heal = events.First(e => e.Event == TraceEventKind.Heal && e.T >= rejoined.T);
        Assert.True(
            heal.T - rejoined.T <= (long)SimWorld.ProbeEvery.TotalMilliseconds,
            $"SEED=0x{seed:x}: A rejoined at {rejoined.T} ms but the heal was stamped at {heal.T} ms");
    }

    [Fact]
    public void A_fault_outlasting_the_safety_phase_ends_with_it_and_heals_after_the_liveness_phase_begins()
    {
        var scenario = ScenarioSamples.WithFault(new FaultSpec { AtMs = 25_000, Kind = FaultKind.Offline, Peer = "A", DurationMs = 60_000 });

        var result = new SimWorld(scenario).Run();

        var fault = result.Trace.Events.Single(e => e.Event == TraceEventKind.Fault);
        Assert.Equal(5_000, fault.DelayMs);
        Assert.Matches(@"fault A offline at 25\.000s for 5\.000s: healed \d+\.\d{3}s after it ended", SummaryPrinter.Print(result.Trace.Events));
        Assert.True(result.Passed(healExpected: true), string.Join("\n", result.Misses));
    }

    [Fact]
    public void A_fault_that_never_broke_the_call_is_healed_the_moment_it_ends()
    {
        var scenario = ScenarioSamples.WithFault(new FaultSpec { AtMs = 10_000, Kind = FaultKind.MediaDrop, Peer = "A", DurationMs = 500 });

        var result = new SimWorld(scenario).Run();

        Assert.Contains(result.Trace.Events, e => e.Event == TraceEventKind.Heal && e.T == 10_500);
        Assert.Contains("fault A media-drop at 10.000s for 0.500s: healed 0.000s after it ended", SummaryPrinter.Print(result.Trace.Events), StringComparison.Ordinal);
    }

    [Fact]
    public void A_peer_whose_join_was_dropped_keeps_the_call_from_healing()
    {
        var scenario = ScenarioLibrary.Resolve("first-connect-fails-fast") with { Expect = new ScenarioExpectations { Errors = ["FirstConnectFailed"] } };

        var result = new SimWorld(scenario).Run();

        Assert.False(result.Healed);
        Assert.Equal(["A is idle"], result.Pending);
        Assert.False(result.Passed(healExpected: true));
    }
}

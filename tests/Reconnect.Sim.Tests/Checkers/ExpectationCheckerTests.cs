using Reconnect.Testing.Checkers;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.Checkers;

public sealed class ExpectationCheckerTests
{
    private static readonly Lazy<(Scenario Scenario, SimWorld World, SimRunResult Result)> ServerCrash = new(() => Run("server-crash"));
    private static readonly Lazy<(Scenario Scenario, SimWorld World, SimRunResult Result)> Kick = new(() => Run("server-kick-terminal"));

    [Fact]
    public void Peer_joined_and_peer_left_counts_per_observer_pass_when_the_run_meets_them()
    {
        var (scenario, world, result) = ServerCrash.Value;

        Assert.Empty(ExpectationChecker.Check(scenario, result, world.Peers));
    }

    [Theory]
    [InlineData("joined", "A", 2, null, null, null, "expected A to see peer-joined exactly 2 times, got 1")]
    [InlineData("joined", "B", null, 3, null, null, "expected B to see peer-joined at least 3 times, got 1")]
    [InlineData("joined", "A", null, null, 0, null, "expected A to see peer-joined at most 0 times, got 1")]
    [InlineData("left", "A", null, 1, null, null, "expected A to see peer-left at least 1 times, got 0")]
    [InlineData("left", "B", 1, null, null, "A", "expected B to see peer-left of A exactly 1 times, got 0")]
    public void A_peer_count_the_run_misses_is_reported_with_what_was_seen(string which, string observer, int? exactly, int? min, int? max, string? remote, string miss)
    {
        var (scenario, world, result) = ServerCrash.Value;
        var count = new PeerCount { Exactly = exactly, Min = min, Max = max, Remote = remote };
        var counts = new SortedDictionary<string, PeerCount>(StringComparer.Ordinal) { [observer] = count };
        var expect = scenario.Expect! with
        {
            PeerJoined = which == "joined" ? counts : new SortedDictionary<string, PeerCount>(StringComparer.Ordinal),
            PeerLeft = which == "left" ? counts : new SortedDictionary<string, PeerCount>(StringComparer.Ordinal),
        };

        var misses = ExpectationChecker.Check(scenario with { Expect = expect }, result, world.Peers);

        Assert.Equal([$"SEED=0x1: {miss}"], misses);
    }

    [Fact]
    public void A_peer_left_count_by_reason_counts_only_notices_with_that_reason()
    {
        var (scenario, world, result) = Kick.Value;
        var wrongReason = scenario.Expect! with
        {
            PeerLeft = new SortedDictionary<string, PeerCount>(StringComparer.Ordinal) { ["B"] = new PeerCount { Exactly = 1, Reason = "left" } },
        };

        Assert.Empty(ExpectationChecker.Check(scenario, result, world.Peers));
        Assert.Equal(
            ["SEED=0x1: expected B to see peer-left (left) exactly 1 times, got 0"],
            ExpectationChecker.Check(scenario with { Expect = wrongReason }, result, world.Peers));
    }

    [Fact]
    public void A_terminal_error_code_must_be_carried_by_some_terminal_close_error()
    {
        var (scenario, world, result) = Kick.Value;
        var other = scenario.Expect! with { TerminalErrorCode = 4001 };

        Assert.Equal(4005, scenario.Expect!.TerminalErrorCode);
        Assert.Empty(ExpectationChecker.Check(scenario, result, world.Peers));
        Assert.Equal(
            ["SEED=0x1: expected a TerminalCloseError with code 4001, got codes [4005]"],
            ExpectationChecker.Check(scenario with { Expect = other }, result, world.Peers));
    }

    [Fact]
    public void Healed_false_passes_a_run_that_does_not_heal_and_fails_one_that_heals_anyway()
    {
        var (ladder, ladderWorld, ladderResult) = Run("first-connect-fails-fast");
        var demo = ScenarioLibrary.SeedDemo with { Expect = new ScenarioExpectations { Healed = false, MaxPeerLeft = 0 } };
        var demoWorld = new SimWorld(demo);

        var demoResult = demoWorld.Run();

        Assert.False(ladderResult.Healed);
        Assert.Empty(ExpectationChecker.Check(ladder, ladderResult, ladderWorld.Peers));
        Assert.True(ladderResult.Passed(healExpected: false));
        var miss = Assert.Single(demoResult.Misses);
        Assert.StartsWith("SEED=0x1: expected the call not to heal, but it healed at ", miss, StringComparison.Ordinal);
        Assert.False(demoResult.Passed(healExpected: false));
    }

    [Fact]
    public void A_fault_with_a_duration_and_no_heal_after_its_end_fails_the_run()
    {
        var trace = new TraceWriter();
        trace.Add(new TraceEvent(1_000, "A", TraceEventKind.Fault) { Reason = "offline", DelayMs = 500 });
        trace.Add(new TraceEvent(1_200, TraceEvent.WorldPeer, TraceEventKind.Heal));
        trace.Add(new TraceEvent(2_000, "A", TraceEventKind.Fault) { Reason = "ip-change" });
        var result = new SimRunResult("synthetic", 0x2a, trace, [], true, 3_000, 2_500, [], new Dictionary<string, long>(), []);

        var misses = ExpectationChecker.UnhealedFaults(result);

        Assert.Equal(["SEED=0x2a: fault A offline at 1.000s for 0.500s never healed"], misses);
    }

    [Fact]
    public void A_fault_healed_after_its_end_does_not_fail_the_run()
    {
        var trace = new TraceWriter();
        trace.Add(new TraceEvent(1_000, "A", TraceEventKind.Fault) { Reason = "offline", DelayMs = 500 });
        trace.Add(new TraceEvent(1_900, TraceEvent.WorldPeer, TraceEventKind.Heal));
        var result = new SimRunResult("synthetic", 0x2a, trace, [], true, 3_000, 2_500, [], new Dictionary<string, long>(), []);

        Assert.Empty(ExpectationChecker.UnhealedFaults(result));
    }

    private static (Scenario Scenario, SimWorld World, SimRunResult Result) Run(string name)
    {
        var scenario = ScenarioLibrary.Resolve(name);
        var world = new SimWorld(scenario);
        return (scenario, world, world.Run());
    }
}

using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Exploration;

public sealed class ShrinkingTests
{
    private const int TenSecondsMs = 10_000;

    [Fact]
    public void Broken_invariant_is_caught_and_shrunk_to_the_one_offending_fault()
    {
        var explorer = new Explorer(LongOfflineIsABug);

        var result = explorer.RunRandom(peers: 2, faults: 3, schedules: 40, seed: 0xBAD);

        Assert.NotEmpty(result.Failures);
        var failure = result.Failures[0];
        Assert.StartsWith($"SEED=0x{failure.Seed:x}", failure.Describe(), StringComparison.Ordinal);
        var minimal = ScenarioLoader.Parse(failure.ScenarioJson, "minimal");
        var fault = Assert.Single(minimal.Timeline);
        Assert.Equal(FaultKind.Offline, fault.Kind);
        Assert.InRange(fault.DurationMs!.Value, TenSecondsMs + 1, TenSecondsMs + (2 * ScheduleShrinker.TimeResolutionMs));
        Assert.Equal(1, failure.MinimalFaults);
        Assert.True(failure.OriginalFaults >= 1);
    }

    [Fact]
    public void Schedule_shrinks_to_fewer_faults_first()
    {
        FaultSpec[] faults =
        [
            new() { AtMs = 5_000, Kind = FaultKind.Offline, Peer = "A", DurationMs = 8_000 },
            new() { AtMs = 9_000, Kind = FaultKind.TokenExpiry, Peer = "B" },
        ];

        var candidates = ScheduleShrinker.Shrink(faults).ToList();

        Assert.Equal([faults[1]], candidates[0]);
        Assert.Equal([faults[0]], candidates[1]);
        Assert.All(candidates.Skip(2), c => Assert.Equal(2, c.Count));
    }

    [Fact]
    public void Fault_shrinks_earlier_and_shorter_never_below_the_shortest_duration()
    {
        var fault = new FaultSpec { AtMs = 6_400, Kind = FaultKind.Offline, Peer = "A", DurationMs = 4_500 };

        var candidates = ScheduleShrinker.ShrinkFault(fault).ToList();

        Assert.Equal(0, candidates[0].AtMs);
        Assert.Contains(candidates, c => c.DurationMs == FaultScheduleGen.MinDurationMs && c.AtMs == fault.AtMs);
        Assert.All(candidates, c => Assert.True(c.AtMs <= fault.AtMs && c.DurationMs <= fault.DurationMs && c.DurationMs >= FaultScheduleGen.MinDurationMs));
        Assert.DoesNotContain(fault, candidates);
    }

    [Fact]
    public void Case_shrinker_keeps_the_seed_and_ends_at_the_baseline_setup()
    {
        var generated = Explorer.Generate(3, 2, 0x51, 3);

        var candidates = ExplorationArb.Shrink(generated).ToList();

        Assert.All(candidates, c => Assert.Equal(generated.Seed, c.Seed));
        Assert.Contains(candidates, c => c.Faults.Count == generated.Faults.Count - 1);
        if (generated.Peers.Any(p => p != PeerSetup.Baseline))
        {
            Assert.Contains(candidates, c => c.Peers.All(p => p == PeerSetup.Baseline));
        }
    }

    private static IReadOnlyList<string> LongOfflineIsABug(RunOutcome outcome) =>
        [.. outcome.Scenario.Timeline
            .Where(f => f.Kind == FaultKind.Offline && f.DurationMs > TenSecondsMs)
            .Select(f => $"SEED=0x{outcome.Result.Seed:x}: offline for {f.DurationMs} ms at {f.AtMs} ms (the deliberately broken rule: no offline longer than 10 s)")];
}

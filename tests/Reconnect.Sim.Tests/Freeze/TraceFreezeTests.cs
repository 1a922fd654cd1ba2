using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Freeze;

public sealed class TraceFreezeTests
{
    [Fact]
    public void Every_library_scenario_and_explored_schedule_keeps_its_frozen_trace_hash()
    {
        var cases = FrozenBatch.All();
        var (hashes, broken) = FrozenBatch.Run(cases);
        var rendered = TraceHashFile.Render(hashes);
        ClearReceived();
        foreach (var (schedule, _) in broken.Where(b => !b.Case.FromLibrary))
        {
            File.WriteAllText(TraceHashReport.ReplayPath(schedule), ScenarioLoader.ToJson(schedule.Scenario) + "\n");
        }

        Assert.True(broken.Count == 0, string.Join('\n', broken.Select(b => $"{b.Case.Key} broke an invariant (replay: {TraceHashReport.ReplayCommand(b.Case)}):\n  " + string.Join("\n  ", b.Violations))));

        if (Environment.GetEnvironmentVariable(TraceHashFile.AcceptVariable) == "1")
        {
            File.WriteAllText(TraceHashFile.GoldenPath, rendered);
            return;
        }

        var committed = File.Exists(TraceHashFile.GoldenPath) ? File.ReadAllText(TraceHashFile.GoldenPath).ReplaceLineEndings("\n") : string.Empty;
        if (committed == rendered)
        {
            return;
        }

        File.WriteAllText(TraceHashFile.ReceivedPath, rendered);
        var drifts = TraceHashDrift.Between(TraceHashFile.Parse(committed), hashes);
        var byKey = cases.ToDictionary(c => c.Key, StringComparer.Ordinal);
        foreach (var drifted in drifts.Where(d => d.Now is not null).Select(d => byKey[d.Key]).Where(c => !c.FromLibrary))
        {
            File.WriteAllText(TraceHashReport.ReplayPath(drifted), ScenarioLoader.ToJson(drifted.Scenario) + "\n");
        }

        Assert.Fail(drifts.Count > 0
            ? TraceHashReport.Describe(drifts, byKey, cases.Count)
            : $"{TraceHashFile.Relative(TraceHashFile.GoldenPath)} holds every hash but is not in canonical form; accept it: {TraceHashFile.AcceptCommand}");
    }

    [Fact]
    public void A_library_scenario_run_with_another_seed_drifts_and_the_guard_names_only_it_with_its_replay()
    {
        var demo = FrozenBatch.LibraryCases().Single(c => c.Key == "scenario " + ScenarioLibrary.SeedDemoName);
        var perturbed = demo with { Scenario = demo.Scenario with { Seed = demo.Scenario.Seed + 1 } };

        var (drift, report) = DriftOf(perturbed);

        Assert.Equal(("changed", demo.Key), (drift.Kind, drift.Key));
        Assert.Contains($"changed {demo.Key}: frozen {drift.Frozen}, now {drift.Now}, SEED=0x{demo.Scenario.Seed + 1:x}", report, StringComparison.Ordinal);
        Assert.Contains("-- run seed-demo --trace seed-demo.jsonl", report, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explored_schedule_run_with_one_more_fault_drifts_and_replays_from_its_written_scenario()
    {
        var first = FrozenBatch.ScheduleCase(0);
        var extraFault = new FaultSpec { AtMs = 30_000, Kind = FaultKind.Offline, Peer = "A", DurationMs = 5_000 };
        var perturbed = first with { Scenario = first.Scenario with { Timeline = [.. first.Scenario.Timeline.Append(extraFault).OrderBy(f => f.AtMs)] } };

        var (drift, report) = DriftOf(perturbed);

        Assert.Equal(("changed", first.Key), (drift.Kind, drift.Key));
        Assert.Contains($"-- run tests/Reconnect.Sim.Tests/Freeze/explore-0x{first.Scenario.Seed:x}.received.json --trace", report, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs <paramref name="perturbed"/>, puts its hash among the golden file's frozen hashes in place of its own, and
    /// returns the one drift the guard finds with the guard's report of it.
    /// </summary>
    private static (TraceHashDrift Drift, string Report) DriftOf(FrozenCase perturbed)
    {
        var frozen = TraceHashFile.Parse(File.ReadAllText(TraceHashFile.GoldenPath));
        Assert.Contains(perturbed.Key, frozen.Keys);
        var now = new SortedDictionary<string, string>(frozen.ToDictionary(), StringComparer.Ordinal) { [perturbed.Key] = FrozenBatch.Hash(perturbed) };

        var drift = Assert.Single(TraceHashDrift.Between(frozen, now));
        return (drift, TraceHashReport.Describe([drift], new Dictionary<string, FrozenCase>(StringComparer.Ordinal) { [perturbed.Key] = perturbed }, now.Count));
    }

    private static void ClearReceived()
    {
        foreach (var stale in Directory.EnumerateFiles(TraceHashFile.Folder, TraceHashFile.ReceivedPattern))
        {
            File.Delete(stale);
        }
    }
}

using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Time;
using Reconnect.Testing.World;
using Reconnect.Testing.Trace;

namespace Reconnect.Sim.Tests.Cli;

public sealed class RunCommandTests
{
    [Fact]
    public void Run_without_a_scenario_runs_the_seed_demo_prints_its_story_and_passes()
    {
        var (exit, text, _) = CliRun.Invoke();

        Assert.Equal(0, exit);
        Assert.Contains("scenario seed-demo", text, StringComparison.Ordinal);
        Assert.Contains("A: joined -> reconnecting", text, StringComparison.Ordinal);
        Assert.Contains("A: reconnecting -> joined", text, StringComparison.Ordinal);
        Assert.Contains("fault      A offline for 5.000s", text, StringComparison.Ordinal);
        Assert.EndsWith("PASS" + Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_writes_the_trace_as_json_lines_and_a_seed_changes_the_run_deterministically()
    {
        var first = Path.Combine(Path.GetTempPath(), $"reconnect-trace-{Guid.NewGuid():N}.jsonl");
        var second = Path.Combine(Path.GetTempPath(), $"reconnect-trace-{Guid.NewGuid():N}.jsonl");
        try
        {
            Assert.Equal(0, CliRun.Invoke("run", "seed-demo", "--seed", "0x2a", "--trace", first, "--verbose").Exit);
            Assert.Equal(0, CliRun.Invoke("run", "seed-demo", "--seed", "42", "--trace", second, "--verbose").Exit);

            using var reader = new StringReader(File.ReadAllText(first));
            var events = TraceReader.ReadJsonLines(reader);
            Assert.Contains(events, e => e.Event == TraceEventKind.Fault && e.Peer == "A");
            Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public void Run_exits_non_zero_when_a_scenario_misses_its_expectations()
    {
        var path = Path.Combine(Path.GetTempPath(), $"reconnect-scenario-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              "name": "expects-an-error-that-never-comes",
              "durationMs": 20000,
              "peers": [ { "name": "A", "channel": "room" }, { "name": "B", "channel": "room" } ],
              "expect": { "errors": [ "TerminalCloseError" ] }
            }
            """);
        try
        {
            var (exit, output, _) = CliRun.Invoke("run", path);

            Assert.Equal(1, exit);
            Assert.Contains("SEED=0x1: expected error kinds [TerminalCloseError], got []", output, StringComparison.Ordinal);
            Assert.EndsWith("FAIL" + Environment.NewLine, output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_replays_the_same_instant_choices_an_exhaustive_run_recorded()
    {
        var scenario = ScenarioLibrary.SeedDemo;
        var recorder = new RecordingChooser(new SeededChooser(99));
        var windowed = new WindowedChooser(recorder, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(16));
        var world = new SimWorld(scenario, null, windowed);
        windowed.Bind(world.Time);
        var recorded = world.Run().Trace.ToJsonLines();
        Assert.NotEmpty(recorder.ChosenIndices);
        var path = Path.Combine(Path.GetTempPath(), $"reconnect-replay-{Guid.NewGuid():N}.jsonl");
        try
        {
            Assert.Equal(0, CliRun.Invoke("run", "--trace", path, "--choices", string.Join(',', recorder.ChosenIndices), "--choice-window", "10000:16000").Exit);

            Assert.Equal(recorded, File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using Reconnect.Testing.Scenarios;
using Reconnect.Sim.Tests.Scenarios;
using Reconnect.Sim.Tests.Time;

namespace Reconnect.Sim.Tests.Cli;

/// <summary>Every user error of the command line is found before any run and printed as plain lines on stderr, exit code 2.</summary>
public sealed class CliErrorTests
{
    public static TheoryData<string[], string> UserErrors => new()
    {
        { ["run", "no-such-scenario"], "no such file and no library scenario of that name; library scenarios: " },
        { ["run", "missing/folder/scenario.json"], "no such file (looked in '" },
        { ["run", "seed-demo", "--seed", "zz"], "--seed must be a whole number from 0 to 18446744073709551615, in decimal or 0x hex (was 'zz')." },
        { ["run", "seed-demo", "--seed", "-1"], "--seed must be a whole number" },
        { ["run", "seed-demo", "--seed", "0xZZ"], "--seed must be a whole number" },
        { ["run", "seed-demo", "--choices", "1,x"], "--choices takes whole numbers >= 0 separated by commas, such as 1,0,2 ('x' is not one)." },
        { ["run", "seed-demo", "--choices", "1", "--choice-window", "5:x"], "--choice-window takes FROM:TO in whole virtual ms, such as 10000:15000 (was '5:x')." },
        { ["run", "seed-demo", "--choices", "1", "--choice-window", "15000:10000"], "--choice-window is reversed: FROM (15000) is after TO (10000)." },
        { ["run", "seed-demo", "--choice-window", "1:2"], "--choice-window needs --choices." },
        { ["run", "seed-demo", "--choices", "99"], "--choices do not fit this run: Scripted choice #0 is 99" },
        { ["run", "seed-demo", "--bogus"], "Unrecognized command or argument '--bogus'." },
        { ["explore", "--peers", "abc"], "'abc'" },
        { ["explore", "--seeds", "2000000"], "--seeds 2000000 is above the limit of 1000000 schedules." },
        { ["explore", "--faults", "50"], "--faults 50 is above the limit of 20 faults per schedule." },
        { ["explore", "--minutes", "-1"], "--minutes must be above 0 and at most 1440 (a day); was -1." },
        { ["explore", "--seed", "nope"], "--seed must be a whole number" },
        { ["bench", "heal", "--seeds", "0"], "--seeds must be at least 1 and at most 10000 (was 0)." },
        { ["bench", "heal", "--seeds", "20000"], "--seeds must be at least 1 and at most 10000 (was 20000)." },
        { ["bench", "heal", "--outages", "1,x"], "--outages must be distinct whole seconds from 1 to 3600 separated by commas (was \"1,x\")." },
        { ["bench", "heal", "--outages", "4000"], "--outages must be distinct whole seconds from 1 to 3600" },
        { ["bench", "heal", "--kinds", "offline,peer-close"], "--kinds must be distinct names from offline, blackhole, server-crash, media-only, handoff, frozen-media separated by commas (was \"offline,peer-close\")." },
        { ["bench", "heal", "--kinds", "offline,offline"], "--kinds must be distinct names from offline, blackhole, server-crash, media-only, handoff, frozen-media separated by commas (was \"offline,offline\")." },
        { ["bench", "heal", "--quick", "--seeds"], "Required argument missing for option: '--seeds'." },
    };

    [Theory]
    [MemberData(nameof(UserErrors))]
    public void A_user_error_is_printed_on_stderr_without_a_stack_trace_and_exits_2(string[] args, string message)
    {
        var (exit, output, errors) = CliRun.Invoke(args);

        AssertUserError(exit, output, errors, message);
    }

    [Fact]
    public void Bad_json_is_a_user_error_naming_the_file_line_and_column()
    {
        WithFile("{\n  \"name\": \"x\",\n  \"peers\": [,]\n}", path =>
        {
            var (exit, output, errors) = CliRun.Invoke("run", path);

            AssertUserError(exit, output, errors, $"Scenario '{path}' is not valid (1 problem):");
            Assert.Contains("(line 3, column", errors, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_folder_given_as_the_scenario_is_a_user_error()
    {
        var (exit, output, errors) = CliRun.Invoke("run", Path.GetTempPath());

        AssertUserError(exit, output, errors, "this is a folder, not a scenario file.");
    }

    [Theory]
    [InlineData("peers")]
    [InlineData("duration")]
    [InlineData("kick")]
    [InlineData("name")]
    public void A_scenario_the_runtime_would_refuse_or_that_is_absurdly_large_is_refused_before_the_run(string problem)
    {
        var scenario = problem switch
        {
            "peers" => ScenarioSamples.TwoPeers with { Peers = [.. Enumerable.Range(0, 65).Select(i => new PeerSpec { Name = $"P{i}", Channel = "room" })], Timeline = [] },
            "duration" => ScenarioSamples.TwoPeers with { DurationMs = 100_000_000 },
            "kick" => ScenarioSamples.WithFault(new FaultSpec { AtMs = 1_000, Kind = FaultKind.ServerKick, Peer = "A", Code = 2_000 }),
            _ => ScenarioSamples.WithPeer(1, p => p with { Name = "server" }),
        };
        var message = problem switch
        {
            "peers" => "$.peers: 65 peers is above the limit of 64 peers.",
            "duration" => "$.durationMs: durationMs (100000000) is above the limit of 21600000 ms (6 h).",
            "kick" => "$.timeline[0].code: code must be 1000 or in [3000, 4999], the codes a server may close with (was 2000).",
            _ => "$.peers[1].name: the peer name \"server\" is reserved for the simulated server.",
        };

        WithFile(ScenarioLoader.ToJson(scenario), path =>
        {
            var (exit, output, errors) = CliRun.Invoke("run", path);

            AssertUserError(exit, output, errors, message);
        });
    }

    [Fact]
    public void A_trace_file_in_a_missing_folder_is_refused_before_the_run_starts()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"reconnect-missing-{Guid.NewGuid():N}");

        var (exit, output, errors) = CliRun.Invoke("run", "seed-demo", "--trace", Path.Combine(folder, "trace.jsonl"));

        AssertUserError(exit, output, errors, $"--trace: the folder '{folder}' does not exist.");
    }

    [Fact]
    public void A_trace_path_that_is_a_folder_is_refused_before_the_run_starts()
    {
        var (exit, output, errors) = CliRun.Invoke("run", "seed-demo", "--trace", Path.GetTempPath());

        AssertUserError(exit, output, errors, "is a folder; give a file name (such as trace.jsonl) in it.");
    }

    [Fact]
    public void A_run_longer_than_a_few_seconds_of_wall_time_prints_progress_on_stderr()
    {
        var (exit, output, errors) = CliRun.InvokeWith(new SteppingClock(TimeSpan.FromSeconds(1)), "run", "seed-demo");

        Assert.Equal(0, exit);
        Assert.EndsWith("PASS" + Environment.NewLine, output, StringComparison.Ordinal);
        var lines = errors.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 10, errors);
        Assert.All(lines, line => Assert.Matches(@"^run seed-demo: (safety|liveness) phase, virtual \d+\.\ds of \d+\.\ds, wall \d+s$", line));
    }

    [Fact]
    public void The_bench_prints_progress_on_stderr_as_runs_finish()
    {
        var (exit, output, errors) = CliRun.InvokeWith(new SteppingClock(TimeSpan.FromSeconds(1)), "bench", "heal", "--quick", "--no-speed", "--seeds", "1", "--kinds", "offline", "--outages", "1");

        Assert.Equal(0, exit);
        Assert.Contains("heal p99 ratio reconnect/baseline: ", output, StringComparison.Ordinal);
        Assert.Matches(@"bench heal: [1-4]/4 runs, wall \d+s", errors);
    }

    private static void AssertUserError(int exit, string output, string errors, string message)
    {
        Assert.Equal(2, exit);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    private static void WithFile(string text, Action<string> use)
    {
        var path = Path.Combine(Path.GetTempPath(), $"reconnect-cli-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        try
        {
            use(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

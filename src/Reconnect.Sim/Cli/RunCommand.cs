using System.CommandLine;
using System.Globalization;
using Reconnect.Sim.Scenarios;
using Reconnect.Sim.Trace;
using Reconnect.Sim.World;

namespace Reconnect.Sim.Cli;

/// <summary><c>run [scenario] [--seed] [--trace file] [--verbose]</c>: runs one scenario and prints its timeline and summary.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string?>("scenario") { Description = "A scenario name from scenarios/ or a path to a JSON file; the seed demo when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var seed = new Option<string?>("--seed") { Description = "The seed (decimal or 0x hex); the scenario's own when omitted." };
        var trace = new Option<FileInfo?>("--trace") { Description = "Write the JSON Lines trace to this file." };
        var verbose = new Option<bool>("--verbose") { Description = "Show every event, not just the story." };
        var choices = new Option<string?>("--choices") { Description = "Replay an exhaustive run: the same-instant choices it printed, comma-separated." };
        var window = new Option<string?>("--choice-window") { Description = "With --choices: the window FROM:TO (virtual ms) the choices were made in; the first-scheduled item runs outside it." };
        var command = new Command("run", "Run a scenario in virtual time, check invariants, and print its timeline.") { scenario, seed, trace, verbose, choices, window };
        command.SetAction(parse => Run(
            parse.GetValue(scenario),
            parse.GetValue(seed),
            parse.GetValue(trace),
            parse.GetValue(verbose),
            Console.Out,
            parse.GetValue(choices) is { } list ? ChoiceReplay.Parse(list, parse.GetValue(window)) : null));
        return command;
    }

    public static int Run(string? name, string? seedText, FileInfo? traceFile, bool verbose, TextWriter output, ChoiceReplay? replay = null)
    {
        var scenario = name is null ? ScenarioLibrary.SeedDemo : ScenarioLibrary.Resolve(name);
        var seed = seedText is null ? (ulong?)null : SeedParser.Parse(seedText);
        var chooser = replay?.Chooser();
        var world = new SimWorld(scenario, seed, chooser);
        chooser?.Bind(world.Time);
        var result = world.Run();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scenario {scenario.Name}  seed 0x{result.Seed:x}  {scenario.Description}"));
        new TimelinePrinter(verbose ? TimelineVerbosity.Verbose : TimelineVerbosity.Normal).Write(output, result.Trace.Events);
        output.WriteLine();
        output.Write(SummaryPrinter.Print(result.Trace.Events));
        if (traceFile is not null)
        {
            using var writer = traceFile.CreateText();
            result.Trace.WriteJsonLines(writer);
        }

        return Report(scenario, result, output);
    }

    private static int Report(Scenario scenario, SimRunResult result, TextWriter output)
    {
        var expectHeal = scenario.Expect?.Healed ?? true;
        foreach (var violation in result.Violations.Concat(result.Misses))
        {
            output.WriteLine(violation);
        }

        if (result.Healed)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"healed at {result.HealedAtMs / 1000.0:0.000}s ({(result.HealedAtMs - result.LivenessStartMs) / 1000.0:0.000}s after the liveness phase began)"));
        }
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SEED=0x{result.Seed:x}: not healed within {scenario.RecoveryBoundMs / 1000.0:0.0}s of the liveness phase"));
            foreach (var pending in result.Pending)
            {
                output.WriteLine($"  pending: {pending}");
            }
        }

        var passed = result.Passed(expectHeal);
        output.WriteLine(passed ? "PASS" : "FAIL");
        return passed ? 0 : 1;
    }
}

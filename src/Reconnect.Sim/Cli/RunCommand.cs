using System.CommandLine;
using System.Globalization;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Time;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Cli;

/// <summary><c>run [scenario] [--seed] [--trace file] [--verbose]</c>: runs one scenario and prints its timeline and summary.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter errors, TimeProvider wallClock)
    {
        var scenario = new Argument<string?>("scenario") { Description = "A scenario name from scenarios/ or a path to a JSON file; the seed demo when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var seed = new Option<string?>("--seed") { Description = "The seed (decimal or 0x hex); the scenario's own when omitted." };
        var trace = new Option<FileInfo?>("--trace") { Description = "Write the JSON Lines trace to this file; its folder must exist." };
        var verbose = new Option<bool>("--verbose") { Description = "Show every event, not just the story." };
        var choices = new Option<string?>("--choices") { Description = "Replay an exhaustive run: the same-instant choices it printed, comma-separated." };
        var window = new Option<string?>("--choice-window") { Description = "With --choices: the window FROM:TO (virtual ms) the choices were made in; the first-scheduled item runs outside it." };
        var command = new Command("run", "Run a scenario in virtual time, check invariants, and print its timeline.") { scenario, seed, trace, verbose, choices, window };
        command.SetAction(parse => SimCli.Guard(errors, () => Run(
            new Settings(parse.GetValue(scenario), parse.GetValue(seed), parse.GetValue(trace), parse.GetValue(verbose), parse.GetValue(choices), parse.GetValue(window)),
            output,
            errors,
            wallClock)));
        return command;
    }

    /// <summary>
    /// Checks every input (the scenario loads and validates, the seed and choices parse, the trace file can be
    /// written), then runs, printing a progress line on <paramref name="errors"/> every few seconds of wall time.
    /// </summary>
    public static int Run(Settings settings, TextWriter output, TextWriter errors, TimeProvider wallClock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var scenario = settings.Scenario is null ? ScenarioLibrary.SeedDemo : ScenarioLibrary.Resolve(settings.Scenario);
        var seed = settings.Seed is null ? (ulong?)null : SeedParser.Parse(settings.Seed);
        var replay = settings.Choices is { } list
            ? ChoiceReplay.Parse(list, settings.ChoiceWindow)
            : settings.ChoiceWindow is null ? null : throw new CliError("--choice-window needs --choices.");
        using var traceWriter = settings.Trace is null ? null : OpenTrace(settings.Trace);
        var chooser = replay?.Chooser();
        var world = new SimWorld(scenario, seed, chooser);
        chooser?.Bind(world.Time);
        var progress = new WallClockProgress<SimProgress>(wallClock, errors, (p, wall) => string.Create(
            CultureInfo.InvariantCulture,
            $"run {scenario.Name}: {p.Phase.ToString().ToLowerInvariant()} phase, virtual {p.Elapsed.TotalSeconds:0.0}s of {p.PhaseEnd.TotalSeconds:0.0}s, wall {wall.TotalSeconds:0}s"));
        SimRunResult result;
        try
        {
            result = world.Run(progress);
        }
        catch (ReplayDivergedException diverged)
        {
            throw new CliError($"--choices do not fit this run: {diverged.Message}", diverged);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scenario {scenario.Name}  seed 0x{result.Seed:x}  {scenario.Description}"));
        new TimelinePrinter(settings.Verbose ? TimelineVerbosity.Verbose : TimelineVerbosity.Normal).Write(output, result.Trace.Events);
        output.WriteLine();
        output.Write(SummaryPrinter.Print(result.Trace.Events));
        if (traceWriter is not null)
        {
            result.Trace.WriteJsonLines(traceWriter);
        }

        return Report(scenario, result, output);
    }

    /// <summary>Opens the trace file before the run, so a missing folder or a file that cannot be written is a user error, not a lost run.</summary>
    private static StreamWriter OpenTrace(FileInfo file)
    {
        if (Directory.Exists(file.FullName))
        {
            throw new CliError($"--trace: '{file.FullName}' is a folder; give a file name (such as trace.jsonl) in it.");
        }

        if (file.Directory is not { Exists: true } folder)
        {
            throw new CliError($"--trace: the folder '{file.DirectoryName}' does not exist.");
        }

        try
        {
            return file.CreateText();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliError($"--trace: cannot write '{file.FullName}' in '{folder.FullName}': {error.Message}", error);
        }
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

    /// <summary>What one <c>run</c> was asked for, as typed.</summary>
    /// <param name="Scenario">A library name or a file path; the seed demo when null.</param>
    /// <param name="Seed">The seed text, decimal or 0x hex; the scenario's own when null.</param>
    /// <param name="Trace">The file to write the JSON Lines trace to, if any.</param>
    /// <param name="Verbose">Show every event.</param>
    /// <param name="Choices">Same-instant choices to replay, comma-separated.</param>
    /// <param name="ChoiceWindow">The window FROM:TO in virtual ms the choices were made in.</param>
    internal sealed record Settings(string? Scenario, string? Seed, FileInfo? Trace, bool Verbose, string? Choices, string? ChoiceWindow);
}

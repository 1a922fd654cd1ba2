using System.CommandLine;
using System.Globalization;
using Reconnect.Testing.Exploration;

namespace Reconnect.Sim.Cli;

/// <summary>
/// <c>explore [--peers N] [--faults N] [--seeds N | --exhaustive] [--minutes M] [--seed S]</c>: explores fault
/// schedules, shows a progress bar on stderr, and prints the summary and each failure's seed and minimal scenario.
/// </summary>
internal static class ExploreCommand
{
    /// <summary>The most random schedules one exploration runs.</summary>
    public const int MaxSchedules = 1_000_000;

    /// <summary>The most faults in one random schedule.</summary>
    public const int MaxRandomFaults = 20;

    /// <summary>The most same-instant orderings per schedule in exhaustive mode.</summary>
    public const int MaxOrderingsLimit = 100_000;

    /// <summary>The longest wall-time budget, in minutes: a day.</summary>
    public const double MaxMinutes = 24 * 60;

    private const int BarWidth = 30;

    public static Command Create(TextWriter output, TextWriter errors)
    {
        var peers = new Option<int>("--peers") { Description = "Peers on the channel, 2 or 3.", DefaultValueFactory = _ => 2 };
        var faults = new Option<int>("--faults") { Description = "Faults per schedule (exhaustive: 1 to 3).", DefaultValueFactory = _ => 2 };
        var seeds = new Option<int?>("--seeds") { Description = "How many random schedules to explore (default 100)." };
        var exhaustive = new Option<bool>("--exhaustive") { Description = "Run every order of a fixed fault set and every ordering of same-instant events around it." };
        var minutes = new Option<double?>("--minutes") { Description = "Stop starting new schedules after this many minutes of wall time." };
        var seed = new Option<string?>("--seed") { Description = "The exploration's seed (decimal or 0x hex), default 1." };
        var orderings = new Option<int>("--max-orderings") { Description = "With --exhaustive: same-instant orderings explored per schedule at most.", DefaultValueFactory = _ => Explorer.DefaultMaxRunsPerSchedule };
        var command = new Command("explore", "Explore generated fault schedules against the engine and shrink every failure to a minimal scenario.")
        {
            peers, faults, seeds, exhaustive, minutes, seed, orderings,
        };
        command.SetAction(parse => SimCli.Guard(errors, () => Run(
            new Settings(
                parse.GetValue(peers),
                parse.GetValue(faults),
                parse.GetValue(seeds),
                parse.GetValue(exhaustive),
                parse.GetValue(minutes) is { } m ? Minutes(m) : null,
                parse.GetValue(seed) is { } text ? SeedParser.Parse(text) : 1,
                parse.GetValue(orderings)),
            output,
            errors)));
        return command;
    }

    public static int Run(Settings settings, TextWriter output, TextWriter progressOutput)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Problem(settings) is { } problem)
        {
            progressOutput.WriteLine(problem);
            return SimCli.UsageError;
        }

        var explorer = new Explorer();
        var bar = new ProgressBar(progressOutput);
        var mode = settings.Exhaustive
            ? string.Create(CultureInfo.InvariantCulture, $"exhaustive over {settings.Faults} fixed faults")
            : string.Create(CultureInfo.InvariantCulture, $"{settings.Schedules} random schedules of {settings.Faults} faults, seed 0x{settings.Seed:x}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exploring {settings.Peers} peers: {mode}"));
        var result = settings.Exhaustive
            ? explorer.RunExhaustive(settings.Peers, settings.Faults, settings.Seed, settings.MaxOrderings, settings.Budget, bar)
            : explorer.RunRandom(settings.Peers, settings.Faults, settings.Schedules, settings.Seed, settings.Budget, bar);
        bar.Finish();
        foreach (var failure in result.Failures)
        {
            output.Write(failure.Describe());
            output.WriteLine();
        }

        if (result.StoppedByBudget)
        {
            output.WriteLine("stopped by the wall-time budget");
        }

        if (result.CappedSchedules > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.CappedSchedules} schedules had more same-instant orderings than the cap of {settings.MaxOrderings} runs"));
        }

        var missing = CoverageMarksMissing(result);
        output.WriteLine(missing.Count == 0 ? "coverage marks: all reached" : $"coverage marks not reached: {string.Join(", ", missing)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"schedules explored per minute: {result.SchedulesPerMinute:0.0}"));
        output.WriteLine(result.Summary);
        return result.Passed ? 0 : 1;
    }

    private static string? Problem(Settings settings) => settings switch
    {
        { Exhaustive: true, Seeds: not null } => "--seeds and --exhaustive cannot be used together.",
        { Peers: < 2 or > ExplorationCase.MaxPeers } => "--peers must be 2 or 3.",
        { Exhaustive: true, Faults: < 1 or > FaultOrders.MaxFaults } => "--faults must be 1 to 3 with --exhaustive.",
        { Faults: < 0 } => "--faults must not be negative.",
        { Faults: > MaxRandomFaults } => string.Create(CultureInfo.InvariantCulture, $"--faults {settings.Faults} is above the limit of {MaxRandomFaults} faults per schedule."),
        { Seeds: <= 0 } => "--seeds must be positive.",
        { Seeds: > MaxSchedules } => string.Create(CultureInfo.InvariantCulture, $"--seeds {settings.Seeds} is above the limit of {MaxSchedules} schedules."),
        { MaxOrderings: <= 0 } => "--max-orderings must be positive.",
        { MaxOrderings: > MaxOrderingsLimit } => string.Create(CultureInfo.InvariantCulture, $"--max-orderings {settings.MaxOrderings} is above the limit of {MaxOrderingsLimit} orderings per schedule."),
        _ => null,
    };

    private static TimeSpan Minutes(double minutes) =>
        minutes is > 0 and <= MaxMinutes
            ? TimeSpan.FromMinutes(minutes)
            : throw new CliError(string.Create(CultureInfo.InvariantCulture, $"--minutes must be above 0 and at most {MaxMinutes} (a day); was {minutes}."));

    private static List<string> CoverageMarksMissing(ExploreResult result) =>
        [.. Core.Engine.CoverageMarks.All.Where(mark => !result.Coverage.ContainsKey(mark))];

    /// <summary>
    /// A single progress line on stderr, rewritten in place with <c>\r</c>: at the first schedule, then only when a
    /// second of wall time has passed, a failure was found or the last schedule ran, so a long run does not spend its
    /// time writing the terminal.
    /// </summary>
    private sealed class ProgressBar(TextWriter output) : IProgress<ExploreProgress>
    {
        private int _width;
        private (long Second, int Failures)? _written;

        public void Report(ExploreProgress value)
        {
            var now = ((long)value.Elapsed.TotalSeconds, value.Failures);
            if (_written == now && value.Schedules < value.TotalSchedules)
            {
                return;
            }

            _written = now;
            var filled = (int)Math.Round(value.Fraction * BarWidth);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {value.Schedules}/{value.TotalSchedules} schedules, {value.Runs} runs, {value.Failures} failures, {value.Elapsed.TotalSeconds:0}s");
            _width = Math.Max(_width, line.Length);
            output.Write('\r');
            output.Write(line.PadRight(_width));
            output.Flush();
        }

        public void Finish()
        {
            if (_width > 0)
            {
                output.Write('\r');
                output.Write(new string(' ', _width));
                output.Write('\r');
                output.Flush();
            }
        }
    }

    /// <summary>The settings of one <c>explore</c> invocation.</summary>
    /// <param name="Peers">Peers on the channel.</param>
    /// <param name="Faults">Faults per schedule.</param>
    /// <param name="Seeds">Random schedules to explore, as given.</param>
    /// <param name="Exhaustive">Exhaustive mode instead of random.</param>
    /// <param name="Budget">The wall-time budget.</param>
    /// <param name="Seed">The exploration's seed.</param>
    /// <param name="MaxOrderings">With exhaustive mode, the same-instant orderings explored per schedule at most.</param>
    internal sealed record Settings(int Peers, int Faults, int? Seeds, bool Exhaustive, TimeSpan? Budget, ulong Seed, int MaxOrderings = Explorer.DefaultMaxRunsPerSchedule)
    {
        /// <summary>Random schedules to explore: 100 unless given.</summary>
        public int Schedules => Seeds ?? 100;
    }
}

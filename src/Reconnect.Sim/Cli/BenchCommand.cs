using System.CommandLine;
using System.Globalization;
using Reconnect.Sim.Bench;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Cli;

/// <summary><c>bench heal [--seeds N] [--kinds "offline,blackhole"] [--outages "1,5,15"] [--quick] [--no-speed]</c>: the time-to-heal bench against the baseline, per outage kind, with its cost and goal.</summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter errors, TimeProvider wallClock)
    {
        var seeds = new Option<int?>("--seeds") { Description = $"Seeds per cell and policy (default {HealBenchSettings.DefaultSeeds}, {HealBenchSettings.QuickSeeds} with --quick; at most {HealBenchSettings.MaxSeeds})." };
        var outages = new Option<string?>("--outages") { Description = $"A comma-separated subset of outage lengths in seconds, such as \"1,5,15\" (default 1,5,15,30,60,120; each at most {HealBenchSettings.MaxOutageSeconds})." };
        var kinds = new Option<string?>("--kinds") { Description = $"A comma-separated subset of outage kinds: {string.Join(", ", OutageKinds.All.Select(k => k.Label()))} (default all)." };
        var quick = new Option<bool>("--quick") { Description = "Few seeds and a short speed measurement, for tests." };
        var noSpeed = new Option<bool>("--no-speed") { Description = "Skip measuring the simulator's own speed." };
        var heal = new Command("heal", "Time to heal after each outage kind, reconnect vs baseline, p50/p99 over seeds in virtual time, with attempts per minute and the goal per cell.") { seeds, kinds, outages, quick, noSpeed };
        heal.SetAction(parse => SimCli.Guard(errors, () => RunHeal(
            new Settings(parse.GetValue(seeds), parse.GetValue(outages), parse.GetValue(kinds), parse.GetValue(quick), parse.GetValue(noSpeed)),
            output,
            errors,
            wallClock)));
        return new Command("bench", "Benchmarks in virtual time.") { heal };
    }

    /// <summary>Checks every option, then runs the bench, printing a progress line on <paramref name="errors"/> every few seconds of wall time.</summary>
    public static int RunHeal(Settings given, TextWriter output, TextWriter errors, TimeProvider wallClock)
    {
        ArgumentNullException.ThrowIfNull(given);
        var defaults = given.Quick ? HealBenchSettings.Quick : HealBenchSettings.Full;
        var settings = defaults with
        {
            Seeds = given.Seeds is { } n ? Seeds(n) : defaults.Seeds,
            OutagesSeconds = given.Outages is null ? defaults.OutagesSeconds : ParseOutages(given.Outages),
            Speed = given.NoSpeed ? null : defaults.Speed,
            Kinds = given.Kinds is null ? defaults.Kinds : ParseKinds(given.Kinds),
        };
        var total = settings.Cells.Count * 2 * settings.Seeds;
        var progress = new WallClockProgress<int>(wallClock, errors, (done, wall) => string.Create(
            CultureInfo.InvariantCulture, $"bench heal: {done}/{total} runs, wall {wall.TotalSeconds:0}s"));
        HealBenchPrinter.Write(HealBench.Run(settings, progress), output);
        return 0;
    }

    private static int Seeds(int seeds) =>
        seeds is >= 1 and <= HealBenchSettings.MaxSeeds
            ? seeds
            : throw new CliError(string.Create(CultureInfo.InvariantCulture, $"--seeds must be at least 1 and at most {HealBenchSettings.MaxSeeds} (was {seeds})."));

    private static List<int> ParseOutages(string text)
    {
        var outages = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                || seconds is < 1 or > HealBenchSettings.MaxOutageSeconds
                || outages.Contains(seconds))
            {
                throw new CliError($"--outages must be distinct whole seconds from 1 to {HealBenchSettings.MaxOutageSeconds} separated by commas (was \"{text}\").");
            }

            outages.Add(seconds);
        }

        return outages;
    }

    private static List<OutageKind> ParseKinds(string text)
    {
        var kinds = new List<OutageKind>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (OutageKinds.Parse(part) is not { } kind || kinds.Contains(kind))
            {
                throw new CliError($"--kinds must be distinct names from {string.Join(", ", OutageKinds.All.Select(k => k.Label()))} separated by commas (was \"{text}\").");
            }

            kinds.Add(kind);
        }

        return kinds;
    }

    /// <summary>What one <c>bench heal</c> was asked for, as typed.</summary>
    /// <param name="Seeds">Seeds per cell and policy, if given.</param>
    /// <param name="Outages">The outage lengths, comma-separated, if given.</param>
    /// <param name="Kinds">The outage kinds, comma-separated, if given.</param>
    /// <param name="Quick">Few seeds and a short speed measurement.</param>
    /// <param name="NoSpeed">Skip the speed measurement.</param>
    internal sealed record Settings(int? Seeds, string? Outages, string? Kinds, bool Quick, bool NoSpeed);
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Reconnect.Sim.Bench;

namespace Reconnect.Sim.Cli;

/// <summary><c>bench heal [--seeds N] [--outages "1,5,15"] [--quick] [--no-speed]</c>: the time-to-heal bench against the baseline.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var seeds = new Option<int?>("--seeds") { Description = $"Seeds per cell and policy (default {HealBenchSettings.DefaultSeeds}, {HealBenchSettings.QuickSeeds} with --quick)." };
        seeds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--seeds must be at least 1.");
            }
        });
        var outages = new Option<string?>("--outages") { Description = "A comma-separated subset of outage lengths in seconds, such as \"1,5,15\" (default 1,5,15,30,60,120)." };
        outages.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && ParseOutages(text) is null)
            {
                result.AddError($"--outages must be distinct positive whole seconds separated by commas (was \"{text}\").");
            }
        });
        var kinds = new Option<string?>("--kinds") { Description = "A comma-separated subset of outage kinds: offline, blackhole, server-crash, media-only, handoff (default all)." };
        kinds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && ParseKinds(text) is null)
            {
                result.AddError($"--kinds must be distinct names from {string.Join(", ", OutageKinds.All.Select(k => k.Label()))}, separated by commas (was \"{text}\").");
            }
        });
        var quick = new Option<bool>("--quick") { Description = "Few seeds and a short speed measurement, for tests." };
        var noSpeed = new Option<bool>("--no-speed") { Description = "Skip measuring the simulator's own speed." };
        var heal = new Command("heal", "Time to heal after each outage kind, reconnect vs baseline, p50/p99 over seeds in virtual time, with attempts per minute and the goal per cell.") { seeds, kinds, outages, quick, noSpeed };
        heal.SetAction(parse => RunHeal(
            parse.GetValue(seeds),
            parse.GetValue(kinds),
            parse.GetValue(outages),
            parse.GetValue(quick),
            parse.GetValue(noSpeed),
            Console.Out,
            Console.Error));
        return new Command("bench", "Benchmarks in virtual time.") { heal };
    }

    public static int RunHeal(int? seeds, string? kindsText, string? outagesText, bool quick, bool noSpeed, TextWriter output, TextWriter progressOutput)
    {
        ArgumentNullException.ThrowIfNull(progressOutput);
        var defaults = quick ? HealBenchSettings.Quick : HealBenchSettings.Full;
        var settings = defaults with
        {
            Seeds = seeds ?? defaults.Seeds,
            Kinds = kindsText is null ? defaults.Kinds : ParseKinds(kindsText) ?? throw new ArgumentException($"Not a list of distinct outage kinds: \"{kindsText}\".", nameof(kindsText)),
            OutagesSeconds = outagesText is null ? defaults.OutagesSeconds : ParseOutages(outagesText) ?? throw new ArgumentException($"Not a list of distinct outage lengths: \"{outagesText}\".", nameof(outagesText)),
            Speed = noSpeed ? null : defaults.Speed,
        };
        HealBenchPrinter.Write(HealBench.Run(settings, new BenchProgress(progressOutput, TimeProvider.System)), output);
        return 0;
    }

    private static List<OutageKind>? ParseKinds(string text)
    {
        var kinds = new List<OutageKind>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (OutageKinds.Parse(part) is not { } kind || kinds.Contains(kind))
            {
                return null;
            }

            kinds.Add(kind);
        }

        return kinds;
    }

    private static List<int>? ParseOutages(string text)
    {
        var outages = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1 || outages.Contains(seconds))
            {
                return null;
            }

            outages.Add(seconds);
        }

        return outages;
    }
}

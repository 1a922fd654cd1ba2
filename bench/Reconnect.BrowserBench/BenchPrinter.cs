using System.Globalization;
using Reconnect.Browser.Harness.Calls;
using Reconnect.BrowserBench.Faults;
using Reconnect.Testing.Bench;

namespace Reconnect.BrowserBench;

/// <summary>The bench's report: what it measured, the command and the machine, one row per fault and policy, and the runs that failed.</summary>
internal static class BenchPrinter
{
    /// <summary>A time to heal in seconds with two decimals, or <c>never</c>.</summary>
    public static string Seconds(TimeSpan? time) => time is { } t ? t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) : "never";

    public static void Print(TextWriter output, BrowserBenchSettings settings, string commandLine, string machine, IReadOnlyList<RunResult> results, IReadOnlyList<string> failed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(failed);
        output.WriteLine("bench browser: wall time from a fault's removal to video flowing both ways again in a real call");
        output.WriteLine("(2 call pages in headless Chromium; flowing = every page's framesDecoded and presented frames advancing from every other,");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $" polled every {HealClock.Poll.TotalMilliseconds} ms, settled once {BrowserCall.FramesThatShowFlow} more frames came and the call stayed whole {HealClock.Settle.TotalSeconds} s; never = not within {settings.Cap.TotalSeconds} s)"));
        output.WriteLine($"reconnect: default ReconnectOptions, the page's online/offline events and connection type changes fed to the engine");
        output.WriteLine($"baseline:  the heal bench's baseline (ICE ladder only on failed, media rebuilt after every socket reconnect, no media watchdog, no network signal)");
        output.WriteLine($"command: {commandLine}");
        output.WriteLine($"machine: {machine}");
        foreach (var fault in settings.Faults)
        {
            output.WriteLine($"{fault}: {BenchFaults.Create(fault).Description}");
        }

        output.WriteLine();
        output.WriteLine("fault           policy     runs  healed    p50 s    max s  ICE restarts/run  connections built/run  checks failed");
        foreach (var fault in settings.Faults)
        {
            foreach (var policy in settings.Policies)
            {
                var runs = results.Where(r => r.Fault == fault && r.Policy == policy).ToList();
                if (runs.Count == 0)
                {
                    output.WriteLine($"{fault,-15} {policy,-9} {0,5}  (no run completed)");
                    continue;
                }

                var figures = HealFigures.Of([.. runs.Select(r => r.Heal)]);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{fault,-15} {policy,-9} {figures.Runs,5} {figures.Healed,7} {Seconds(figures.P50),8} {Seconds(figures.Max),8} {runs.Average(r => r.IceRestarts),17:F1} {runs.Average(r => r.Rebuilds),22:F1} {runs.Count(r => r.Problem is not null),14}"));
            }
        }

        output.WriteLine();
        output.WriteLine($"runs {results.Count}: never healed {results.Count(r => r.Heal is null)}; checks failed {results.Count(r => r.Problem is not null)}; failed every try {failed.Count}{(failed.Count == 0 ? string.Empty : " (" + string.Join(", ", failed) + ")")}");
    }
}

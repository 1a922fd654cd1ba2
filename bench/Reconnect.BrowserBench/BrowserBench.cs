using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using Reconnect.Browser.Harness.Calls;
using Reconnect.BrowserBench.Faults;

namespace Reconnect.BrowserBench;

/// <summary>
/// The bench: one world (coturn, the server with the call page, Chromium) per kind of fault, kept for every run (see <see cref="BenchWorlds"/>); round after round, each fault
/// under each policy in turn (so a stretch of load falls on every fault and policy alike); a run whose call cannot be set up or read is
/// tried again, at most four times; then the table.
/// </summary>
internal static class BrowserBench
{
    private const int Tries = 5;

    /// <summary>Runs the bench and prints its report to <paramref name="output"/> (progress to <paramref name="progress"/>); returns 0, or 1 when a run failed every try.</summary>
    public static async Task<int> RunAsync(BrowserBenchSettings settings, string commandLine, TextWriter output, TextWriter progress, CancellationToken cancel)
    {
        var machine = BenchMachine.Describe();
        await using var worlds = new BenchWorlds();
        machine += $"; Chromium {(await worlds.ForAsync(null)).Chromium.Browser.Version}";
        var wall = Stopwatch.StartNew();
        var results = new List<RunResult>();
        var failed = new List<string>();
        for (var index = 1; index <= settings.Runs; index++)
        {
            foreach (var fault in settings.Faults)
            {
                foreach (var policy in settings.Policies)
                {
                    var result = await TryAsync(worlds, fault, policy, index, settings.Cap, progress, cancel);
                    if (result is null)
                    {
                        failed.Add($"{fault} {policy} #{index}");
                        continue;
                    }

                    results.Add(result);
                    progress.WriteLine($"[{wall.Elapsed:hh\\:mm\\:ss}] {fault} {policy} #{index}: {BenchPrinter.Seconds(result.Heal)} ({result.IceRestarts} ICE restarts, {result.Rebuilds} connections built){(result.Problem is null ? string.Empty : "; checks: " + result.Problem.Split('\n')[0])}");
                }
            }
        }

        BenchPrinter.Print(output, settings, commandLine, machine + "; " + BenchMachine.Load("at the end") + $"; {wall.Elapsed:hh\\:mm\\:ss} of wall time", results, failed);
        if (settings.Json is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }), cancel);
        }

        return failed.Count == 0 ? 0 : 1;
    }

    private static async Task<RunResult?> TryAsync(BenchWorlds worlds, string fault, string policy, int index, TimeSpan cap, TextWriter progress, CancellationToken cancel)
    {
        var world = await worlds.ForAsync(BenchFaults.Create(fault).NamespacedWorldGrace);
        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            if (!world.Turn.IsRunning)
            {
                await world.Turn.StartAgainAsync(cancel);
            }

            try
            {
                return await BenchRun.RunAsync(world, fault, policy, index, cap, progress.WriteLine, cancel);
            }
            catch (Exception ex) when (ex is CallCheckException or PlaywrightException or TimeoutException or InvalidOperationException)
            {
                progress.WriteLine($"{fault} {policy} #{index}: try {attempt} of {Tries} failed: {ex.Message.Split('\n')[0]}");
            }
        }

        return null;
    }
}

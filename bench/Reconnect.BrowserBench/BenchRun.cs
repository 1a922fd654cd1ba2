using System.Diagnostics;
using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.BrowserBench.Faults;
using Reconnect.Testing.Trace;

namespace Reconnect.BrowserBench;

/// <summary>
/// One run: a fresh call of two pages in a room of its own under a policy, connected with video flowing; the fault on for
/// its length, then off; the time until the video flows both ways again; then the checks every browser test ends with
/// (each page's trace saved under TestResults/browser, the invariant checkers clean, no unexpected peer-left).
/// </summary>
internal static class BenchRun
{
    /// <summary>How long the pages may take to join and get video flowing before the fault (the machine may be loaded).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly string[] Names = ["alice", "bob"];

    public static async Task<RunResult> RunAsync(CallWorld world, string faultName, string policy, int index, TimeSpan cap, Action<string> log, CancellationToken cancel)
    {
        var fault = BenchFaults.Create(faultName);
        await using var call = new BrowserCall(world, $"BrowserBench.{fault.Name}-{policy}-{index}", _ => { }, cancel) { Policy = policy, StartPatience = Patience };
        var pages = await fault.JoinAsync(world, call, Names);
        foreach (var page in pages)
        {
            if (await page.PolicyAsync() is var running && running != policy)
            {
                throw new InvalidOperationException($"{page.Name} runs policy '{running}', not '{policy}'.");
            }
        }

        await call.ConnectedAsync(Patience);
        var mark = await call.TraceMarkAsync();
        var run = new FaultRun(world, call, pages, cancel);
        if (fault.EvictsFirstPage)
        {
            await call.ExpectEvictionAsync(pages[0]);
        }

        await fault.StartAsync(run);
        if (fault.Length > TimeSpan.Zero)
        {
            await Task.Delay(fault.Length, cancel);
        }

        await fault.EndAsync(run);
        var removed = Stopwatch.StartNew();
        string? never = null;
        var heal = await HealClock.MeasureAsync(call, removed, cap, last => never = last, cancel);
        if (never is not null)
        {
            var path = Path.Combine(RepositoryPaths.Results, $"BrowserBench.{fault.Name}-{policy}-{index}-never.txt");
            await File.WriteAllTextAsync(path, $"{never}\n{await call.DescribeAsync()}", cancel);
            log($"{fault.Name} {policy} #{index} never healed: {never} (pages described in {path})");
        }

        var restarts = 0;
        var rebuilds = 0;
        foreach (var page in pages)
        {
            var since = await BrowserCall.TraceSinceAsync(page, mark);
            restarts += since.Count(e => e.Event == TraceEventKind.IceRestart);
            rebuilds += since.Count(e => e.Event == TraceEventKind.ConnectionBuilt);
        }

        string? problem = null;
        try
        {
            await call.FinishAsync();
        }
        catch (CallCheckException ex)
        {
            problem = ex.Message;
        }

        return new RunResult(fault.Name, policy, index, heal, restarts, rebuilds, problem);
    }
}

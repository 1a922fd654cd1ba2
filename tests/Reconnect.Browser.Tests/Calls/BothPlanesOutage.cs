using System.Diagnostics;
using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Network;
using Reconnect.Browser.Harness.Pages;
using Reconnect.Browser.Tests.Hosting;

namespace Reconnect.Browser.Tests.Calls;

/// <summary>
/// The steps of the both-planes tests: alice joins from inside the world's namespace and bob from the root namespace,
/// then alice's veth drops every packet (signalling and media) for a while.
/// </summary>
internal static class BothPlanesOutage
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    /// <summary>Alice inside the namespace, bob outside, connected with video flowing both ways (over the veth).</summary>
    public static async Task<(CallPage Alice, CallPage Bob)> JoinAsync(BrowserCall call, BothPlanesWorld world)
    {
        var pages = await call.JoinAllAsync(("alice", world.Inside), ("bob", world.Host));
        await call.ConnectedAsync(Patience);
        return (pages[0], pages[1]);
    }

    /// <summary>
    /// Cuts alice's link for <paramref name="outage"/>, runs <paramref name="during"/> meanwhile, checks the cut is felt
    /// (no frame decoded either way over a second late in it) and restores the link; returns a clock started at the restore.
    /// </summary>
    public static async Task<Stopwatch> CutAsync(BrowserCall call, BothPlanesWorld world, CallPage alice, CallPage bob, TimeSpan outage, Func<Task>? during = null)
    {
        await using var link = new LinkOutage(world.Network);
        var cut = Stopwatch.StartNew();
        await link.CutAsync();
        Log($"link of {world.Network.Name} cut for {outage.TotalSeconds} s (server grace {world.SilenceGrace.TotalSeconds} s)");
        if (during is not null)
        {
            await during();
        }

        await Task.Delay(Rest(outage - TimeSpan.FromSeconds(2.5), cut), TestContext.Current.CancellationToken);
        var frozen = await FramesAsync(call, alice, bob);
        await Task.Delay(Rest(outage - TimeSpan.FromSeconds(1), cut), TestContext.Current.CancellationToken);
        var still = await FramesAsync(call, alice, bob);
        Assert.True(frozen == still, $"frames were still decoded late in the outage: {frozen} then {still}\n{await call.DescribeAsync()}");
        await Task.Delay(Rest(outage, cut), TestContext.Current.CancellationToken);
        await link.RestoreAsync();
        Log($"link restored after {cut.ElapsedMilliseconds} ms");
        return Stopwatch.StartNew();
    }

    public static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    /// <summary>What is left of <paramref name="span"/> on <paramref name="clock"/>, or nothing.</summary>
    private static TimeSpan Rest(TimeSpan span, Stopwatch clock) => span > clock.Elapsed ? span - clock.Elapsed : TimeSpan.Zero;

    /// <summary>Frames decoded so far by alice from bob and by bob from alice.</summary>
    private static async Task<(long Alice, long Bob)> FramesAsync(BrowserCall call, CallPage alice, CallPage bob) =>
        ((await alice.StatsAsync()).GetValueOrDefault(call.IdOf(bob))?.FramesDecoded ?? 0,
         (await bob.StatsAsync()).GetValueOrDefault(call.IdOf(alice))?.FramesDecoded ?? 0);
}

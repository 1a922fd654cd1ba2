using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Tests.Calls;
using Reconnect.Browser.Tests.Hosting;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>A relay-only call through coturn, and coturn going away for a while: the media path breaks for real.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RelayTests(BrowserWorld world)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task Coturn_gone_for_12_s_makes_the_peers_reconnect_and_the_ladder_restarts_ice_until_video_resumes()
    {
        await using var call = world.Call();
        var pages = await call.JoinAllAsync(relay: true, signal: null, "alice", "bob");
        await call.ConnectedAsync(Patience);
        foreach (var page in pages)
        {
            Assert.All((await page.StatsAsync()).Values, s => Assert.Equal("relay", s.SelectedCandidateType));
        }

        var before = await call.IdentityAsync();
        var mark = await call.TraceMarkAsync();
        var stopped = DateTimeOffset.UtcNow;

        await world.Turn.StopAsync();

        await call.UntilAsync("both pages see the other reconnecting", Outage + Patience, async () =>
        {
            foreach (var page in pages)
            {
                if (!(await page.RemotePeersAsync()).Any(r => r.State == "reconnecting"))
                {
                    return false;
                }
            }

            return true;
        });
        await Screenshots.TakeAsync(pages[0], "call-reconnecting");
        var rest = Outage - (DateTimeOffset.UtcNow - stopped);
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, TestContext.Current.CancellationToken);
        }

        await world.Turn.StartAgainAsync(TestContext.Current.CancellationToken);

        await call.HealedAsync(Patience);
        await call.MediaFlowsAsync(Patience);
        await Screenshots.TakeAsync(pages[0], "call-healed");
        var description = await call.DescribeAsync();
        CallAssert.IdentityKept(before, await call.IdentityAsync(), sameGeneration: false, description);
        var restarts = 0;
        foreach (var page in pages)
        {
            restarts += (await BrowserCall.TraceSinceAsync(page, mark)).Count(e => e.Event == TraceEventKind.IceRestart);
        }

        Assert.True(restarts > 0, $"no page restarted ICE.\n{description}");
        await call.FinishAsync();
    }
}

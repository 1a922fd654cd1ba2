using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Tests.Calls;
using Reconnect.Browser.Tests.Hosting;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>
/// The Network Information API's <c>change</c> event fires when Chromium's latency and bandwidth estimates move, on a
/// network that did not change: it is no address change, so a healthy call restarts nothing and stays connected.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NetworkInformationTests(BrowserWorld world)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task A_change_of_the_connection_estimates_leaves_a_healthy_call_connected_with_no_ice_restart()
    {
        await using var call = world.Call();
        var pages = await call.JoinAllAsync(relay: false, signal: null, "alice", "bob");
        await call.ConnectedAsync(Patience);
        var mark = await call.TraceMarkAsync();

        foreach (var page in pages)
        {
            Assert.True(await page.EstimatesChangeAsync(), $"{page.Name} has no navigator.connection");
        }

        var until = DateTimeOffset.UtcNow + Watch;
        while (DateTimeOffset.UtcNow < until)
        {
            foreach (var page in pages)
            {
                var notConnected = (await page.RemotePeersAsync()).Where(r => r.State != "connected").ToList();
                Assert.True(notConnected.Count == 0, $"{page.Name} shows {string.Join(", ", notConnected.Select(r => $"{r.Id} {r.State}"))} after an estimates change\n{await call.DescribeAsync()}");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        foreach (var page in pages)
        {
            Assert.DoesNotContain((await BrowserCall.TraceSinceAsync(page, mark)), e => e.Event == TraceEventKind.IceRestart);
        }

        await call.FinishAsync();
    }
}

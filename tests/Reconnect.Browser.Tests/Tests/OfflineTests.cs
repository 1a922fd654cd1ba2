using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Tests.Calls;
using Reconnect.Browser.Tests.Hosting;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>
/// Chromium's offline emulation for 10 s: the page's WebSocket stalls (no frames, no close) and fetches fail, while
/// WebRTC's UDP is untouched: a signalling-stall fault. The call heals with no peer-left.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineTests(BrowserWorld world)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Ten_seconds_offline_stall_the_signalling_and_the_call_heals_with_no_peer_left()
    {
        await using var call = world.Call();
        var pages = await call.JoinAllAsync(relay: false, signal: null, "alice", "bob");
        await call.ConnectedAsync(Patience);
        var before = await call.IdentityAsync();

        await pages[0].SetOfflineAsync(true);
        await Task.Delay(Outage, TestContext.Current.CancellationToken);
        await pages[0].SetOfflineAsync(false);

        await call.HealedAsync(Patience);
        await call.MediaFlowsAsync(Patience);
        CallAssert.IdentityKept(before, await call.IdentityAsync(), sameGeneration: false, await call.DescribeAsync());
        await call.FinishAsync();
    }
}

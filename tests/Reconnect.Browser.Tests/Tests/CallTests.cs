using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Tests.Calls;
using Reconnect.Browser.Tests.Hosting;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>Calls with no fault: the call page in real Chromium connects and video flows every way.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CallTests(BrowserWorld world)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_one_to_one_call_connects_and_video_flows_both_ways()
    {
        await using var call = world.Call();
        var pages = await call.JoinAllAsync(relay: false, signal: null, "alice", "bob");

        await call.ConnectedAsync(Patience);

        await Screenshots.TakeAsync(pages[0], "call-connected");
        await call.FinishAsync();
    }

    [Fact]
    public async Task A_three_peer_mesh_connects_and_video_flows_every_way()
    {
        await using var call = world.Call();
        await call.JoinAllAsync(relay: false, signal: null, "alice", "bob", "carol");

        await call.ConnectedAsync(Patience);

        await call.FinishAsync();
    }
}

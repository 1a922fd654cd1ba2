using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Tests.Calls;
using Reconnect.Browser.Tests.Hosting;
using Reconnect.TestSupport.Proxy;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>The signalling connection is reset under a live call: the socket heals and the media is left alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignallingCutTests(BrowserWorld world)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_reset_signalling_connection_heals_the_socket_and_leaves_the_media_untouched()
    {
        await using var call = world.Call();
        var proxy = call.SignalProxy();
        var pages = await call.JoinAllAsync(relay: false, signal: proxy, "alice", "bob");
        await call.ConnectedAsync(Patience);
        var before = await call.IdentityAsync();
        var mark = await call.TraceMarkAsync();
        var connections = proxy.Connections.Count;

        proxy.CutAll(CutStyle.Reset);

        await call.UntilAsync("both pages reconnected their socket through the proxy", Patience, async () =>
            proxy.Connections.Count(c => !c.Closed.IsCompleted) >= 2 && proxy.Connections.Count >= connections + 2
            && (await pages[0].LocalStateAsync()) == "joined" && (await pages[1].LocalStateAsync()) == "joined");
        await call.HealedAsync(Patience);
        await call.MediaFlowsAsync(Patience);
        var description = await call.DescribeAsync();
        CallAssert.IdentityKept(before, await call.IdentityAsync(), sameGeneration: true, description);
        foreach (var page in pages)
        {
            var since = await BrowserCall.TraceSinceAsync(page, mark);
            Assert.True(since.Any(e => e.Event == TraceEventKind.SocketAttempt), $"{page.Name} made no socket attempt after the cut.\n{description}");
            Assert.True(!since.Any(e => e.Event == TraceEventKind.IceRestart), $"{page.Name} restarted ICE for a signalling cut:\n{CallAssert.Lines(since, TraceEventKind.IceRestart)}");
        }

        await call.FinishAsync();
    }
}

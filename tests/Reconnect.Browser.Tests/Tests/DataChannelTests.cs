using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Harness.Pages;
using Reconnect.Browser.Tests.Calls;
using Reconnect.Browser.Tests.Hosting;
using Reconnect.TestSupport.Proxy;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>
/// The page's chat data channel over RTCDataChannel: messages flow both ways, and across a rebuild of the media
/// connection (relay-only call, coturn stopped, then the signalling cut while media is down, so the reconcile rebuilds)
/// the channel opens again on the new connection; what was sent while it was down (ICE gone: the engine queues it)
/// waits and arrives, in order, once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DataChannelTests(BrowserWorld world)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Messages_flow_both_ways_and_after_a_rebuild_the_channel_reopens_and_what_was_sent_meanwhile_arrives_in_order()
    {
        await using var call = world.Call();
        var proxy = call.SignalProxy();
        var pages = await call.JoinAllAsync(relay: true, signal: proxy, "alice", "bob");
        var (alice, bob) = (pages[0], pages[1]);
        await call.ConnectedAsync(Patience);
        var before = await call.IdentityAsync();

        await alice.SendAsync(call.IdOf(bob), "a1");
        await bob.SendAsync(call.IdOf(alice), "b1");
        await ReceivedAsync(call, bob, alice, "a1");
        await ReceivedAsync(call, alice, bob, "b1");
        var mark = await call.TraceMarkAsync();

        await world.Turn.StopAsync();
        await call.UntilAsync("both pages see the other reconnecting with ICE disconnected", Patience, async () =>
            await MediaDownAsync(alice) && await MediaDownAsync(bob));
        var down = await call.TraceMarkAsync();
        await alice.SendAsync(call.IdOf(bob), "a2");
        await bob.SendAsync(call.IdOf(alice), "b2");
        foreach (var page in pages)
        {
            var sends = (await BrowserCall.TraceSinceAsync(page, down)).Where(e => e.Event == TraceEventKind.DataSend).ToList();
            Assert.True(sends.Count == 1 && sends[0].Reason == "queued", $"{page.Name}'s send while the media was down was not queued:\n{CallAssert.Lines(sends, TraceEventKind.DataSend)}");
        }

        proxy.CutAll(CutStyle.Reset);
        await call.UntilAsync("both pages rebuilt their connection to the other", Patience, async () =>
            (await call.IdentityAsync()).All(v => v.Value.Generation > before[v.Key].Generation));
        await world.Turn.StartAgainAsync(TestContext.Current.CancellationToken);

        await call.HealedAsync(Patience);
        await ReceivedAsync(call, bob, alice, "a2");
        await ReceivedAsync(call, alice, bob, "b2");
        await alice.SendAsync(call.IdOf(bob), "a3");
        await bob.SendAsync(call.IdOf(alice), "b3");
        await ReceivedAsync(call, bob, alice, "a3");
        await ReceivedAsync(call, alice, bob, "b3");

        var description = await call.DescribeAsync();
        CallAssert.IdentityKept(before, await call.IdentityAsync(), sameGeneration: false, description);
        Assert.Equal(["a1", "a2", "a3"], (await bob.ReceivedAsync()).Select(m => m.Text));
        Assert.Equal(["b1", "b2", "b3"], (await alice.ReceivedAsync()).Select(m => m.Text));
        Assert.All(await bob.ReceivedAsync(), m => Assert.Equal((call.IdOf(alice), "chat"), (m.From, m.Label)));
        foreach (var page in pages)
        {
            var since = await BrowserCall.TraceSinceAsync(page, mark);
            Assert.True(since.Any(e => e.Event == TraceEventKind.DataChannelsReset), $"{page.Name} raised no data-channels-reset for the rebuild.\n{description}");
        }

        await call.FinishAsync();
    }

    /// <summary>True when <paramref name="page"/> sees its remote peer reconnecting on a connection whose ICE says the path is gone.</summary>
    private static async Task<bool> MediaDownAsync(CallPage page) =>
        (await page.RemotePeersAsync()).Any(r => r.State == "reconnecting")
        && (await page.StatsAsync()).Values.Any(s => s.IceConnectionState is "disconnected" or "failed" || s.ConnectionState == "failed");

    /// <summary>Waits until <paramref name="to"/> received <paramref name="text"/> from <paramref name="from"/>.</summary>
    private static Task ReceivedAsync(BrowserCall call, CallPage to, CallPage from, string text) =>
        call.UntilAsync($"{to.Name} received \"{text}\" from {from.Name}", Patience, async () =>
            (await to.ReceivedAsync()).Any(m => m.From == call.IdOf(from) && m.Text == text));
}

using Reconnect.Core.Engine;
using Reconnect.Samples.RealCall;
using Reconnect.Testing.Trace;
using Reconnect.TestSupport.Proxy;

namespace Reconnect.EndToEnd.Tests;

/// <summary>A peer away for longer than the server's grace: evicted, it rejoins as new, and the others see it leave and come back once.</summary>
public sealed class EvictionTests
{
    private static CancellationToken Ct => LiveCall.Ct;

    [Fact]
    public async Task A_cut_past_the_server_grace_evicts_the_peer_which_rejoins_as_new_and_the_others_see_one_leave_and_one_join()
    {
        await using var call = await LiveCall.StartAsync(("SilenceGrace", "00:00:02"));
        await call.JoinAllAsync("A", "B", "C");
        var others = call.Clients.Where(c => c.Key != "A").ToList();
        var mark = call.Recorder.Events.Count;

        call.Proxy("A").Fault = ProxyFault.Cut(CutStyle.Reset);
        Assert.True(
            await CallProbe.WaitAsync(() => others.All(o => o.Value.RemotePeers.All(p => p.Id != "A")), LiveCall.Patience, Ct),
            "The others never saw A leave:\n" + call.Timeline());
        call.Proxy("A").Fault = ProxyFault.Pass;

        Assert.True(await call.HealedAsync(), "Not healed:\n" + call.Timeline());
        Assert.True(await call.StreamsBackAsync(), "Streams not back:\n" + call.Timeline());
        var after = call.Recorder.Events.Skip(mark).ToList();
        var evicted = Assert.Single(after, e => e is { Peer: "A", Event: TraceEventKind.Error });
        Assert.Equal(nameof(EvictedError), evicted.Reason);
        Assert.Contains("network-disconnect", evicted.Detail, StringComparison.Ordinal);
        foreach (var other in others.Select(o => o.Key))
        {
            var left = Assert.Single(after, e => e.Peer == other && e.Event == TraceEventKind.PeerLeft);
            Assert.Equal(("A", "network-disconnect"), (left.Remote, left.Reason));
            Assert.Equal("A", Assert.Single(after, e => e.Peer == other && e.Event == TraceEventKind.PeerJoined).Remote);
            Assert.DoesNotContain(after, e => e.Peer == other && e.Event is TraceEventKind.Error or TraceEventKind.StateChange);
        }
    }
}

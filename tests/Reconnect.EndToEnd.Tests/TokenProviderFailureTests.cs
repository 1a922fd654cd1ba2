using Reconnect.Samples.RealCall;
using Reconnect.Testing.Trace;
using Reconnect.TestSupport.Proxy;

namespace Reconnect.EndToEnd.Tests;

/// <summary>A token provider that fails while the peer reconnects: the failures are told, and the call heals once it works again.</summary>
public sealed class TokenProviderFailureTests
{
    [Fact]
    public async Task A_token_provider_failing_twice_during_a_cut_then_working_heals_the_call_with_the_failures_told()
    {
        var faults = new TokenFaults();
        await using var call = await LiveCall.StartAsync();
        var options = CallPeers.DemoOptions with { Token = CallPeers.DemoOptions.Token with { FailureNoticeThreshold = 2 } };
        await Task.WhenAll(LiveCall.JoinAsync(call.Client("A", options: options, tokens: faults.Around), "A"), call.JoinAsync("B"));
        Assert.True(await call.HealedAsync(), call.Timeline());
        var bSeenByA = call.Clients["A"].RemotePeers.Single();
        var aSeenByB = call.Clients["B"].RemotePeers.Single();
        var mark = call.Recorder.Events.Count;

        faults.FailNext(2);
        call.Proxy("A").CutAll(CutStyle.Reset);

        Assert.True(await CallProbe.WaitAsync(() => faults.Failed == 2, LiveCall.Patience, LiveCall.Ct), call.Timeline());
        Assert.True(await call.HealedAsync(), "Not healed:\n" + call.Timeline());
        Assert.Same(bSeenByA, call.Clients["A"].RemotePeers.Single());
        Assert.Same(aSeenByB, call.Clients["B"].RemotePeers.Single());
        var after = call.Recorder.Events.Skip(mark).ToList();
        var failing = Assert.Single(after, e => e.Event == TraceEventKind.TokenFailing);
        Assert.Equal(("A", (int?)2), (failing.Peer, failing.Attempt));
        Assert.Contains("test fault", failing.Reason, StringComparison.Ordinal);
        Assert.Equal(2, after.Count(e => e is { Peer: "A", Event: TraceEventKind.SocketRetry, Code: null }));
        Assert.DoesNotContain(after, e => e.Event is TraceEventKind.PeerLeft or TraceEventKind.Error);
    }
}

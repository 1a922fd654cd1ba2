using Reconnect.Samples.RealCall;
using Reconnect.Testing.Trace;

namespace Reconnect.EndToEnd.Tests;

/// <summary>Short-lived tokens on the real server: refreshed over the open socket, or, when the refresh fails, renewed by a reconnect.</summary>
public sealed class TokenRefreshTests
{
    private static CancellationToken Ct => LiveCall.Ct;

    [Fact]
    public async Task Tokens_refreshed_over_the_socket_keep_the_call_alive_past_the_first_tokens_expiry_with_no_reconnect()
    {
        await using var call = await LiveCall.StartAsync();
        await Task.WhenAll(call.JoinAsync("A", tokenLifetimeSeconds: 4), call.JoinAsync("B"));
        Assert.True(await call.HealedAsync(), call.Timeline());
        var bSeenByA = call.Clients["A"].RemotePeers.Single();

        Assert.True(
            await CallProbe.WaitAsync(() => call.Recorder.Events.Count(e => e is { Peer: "A", Event: TraceEventKind.TokenRefreshed }) >= 3, LiveCall.Patience, Ct),
            call.Timeline());

        Assert.True(await call.HealedAsync(), "Not healed:\n" + call.Timeline());
        Assert.Same(bSeenByA, call.Clients["A"].RemotePeers.Single());
        Assert.Equal(1, call.Recorder.Events.Count(e => e is { Peer: "A", Event: TraceEventKind.SocketAttempt }));
        Assert.DoesNotContain(call.Recorder.Events, e => e.Event is TraceEventKind.SocketRetry or TraceEventKind.PeerLeft or TraceEventKind.Error);
    }

    [Fact]
    public async Task A_refresh_that_keeps_failing_lets_the_token_expire_with_4002_and_the_call_heals_on_a_fresh_token_with_identity_kept()
    {
        var faults = new TokenFaults();
        await using var call = await LiveCall.StartAsync();
        await Task.WhenAll(LiveCall.JoinAsync(call.Client("A", tokenLifetimeSeconds: 5, tokens: faults.Around), "A"), call.JoinAsync("B"));
        Assert.True(await call.HealedAsync(), call.Timeline());
        var bSeenByA = call.Clients["A"].RemotePeers.Single();
        var aSeenByB = call.Clients["B"].RemotePeers.Single();

        faults.FailNext(int.MaxValue);
        Assert.True(
            await CallProbe.WaitAsync(() => call.Recorder.Events.Any(e => e is { Peer: "A", Event: TraceEventKind.SocketRetry, Code: 4002 }), LiveCall.Patience, Ct),
            call.Timeline());
        faults.FailNext(0);

        Assert.True(await call.HealedAsync(), "Not healed:\n" + call.Timeline());
        Assert.Contains(call.Recorder.Events, e => e is { Peer: "A", Event: TraceEventKind.TokenRefreshFailed, DelayMs: null });
        Assert.Same(bSeenByA, call.Clients["A"].RemotePeers.Single());
        Assert.Same(aSeenByB, call.Clients["B"].RemotePeers.Single());
        Assert.DoesNotContain(call.Recorder.Events, e => e.Event is TraceEventKind.PeerLeft or TraceEventKind.Error);
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Samples.RealCall;
using Reconnect.Testing.Trace;
using Reconnect.TestSupport.Proxy;

namespace Reconnect.EndToEnd.Tests;

/// <summary>A token provider that hands out only expired tokens, on the real server: the retries stop and surface 4002.</summary>
public sealed class ExpiredTokenTests
{
    [Fact]
    public async Task A_provider_handing_out_only_expired_tokens_after_a_cut_stops_the_retries_and_surfaces_4002()
    {
        var expired = 0;
        await using var call = await LiveCall.StartAsync();
        Func<CancellationToken, ValueTask<TokenGrant>> ExpiredOnceArmed(Func<CancellationToken, ValueTask<TokenGrant>> fresh) =>
            ct => Volatile.Read(ref expired) == 0 ? fresh(ct) : new ValueTask<TokenGrant>(call.Api.GrantAsync("A", LiveCall.Channel, -60, ct));
        await Task.WhenAll(LiveCall.JoinAsync(call.Client("A", tokens: ExpiredOnceArmed), "A"), call.JoinAsync("B"));
        Assert.True(await call.HealedAsync(), call.Timeline());
        var a = call.Clients["A"];

        Volatile.Write(ref expired, 1);
        call.Proxy("A").CutAll(CutStyle.Reset);

        Assert.True(await CallProbe.WaitAsync(() => a.State == LocalPeerState.Closed, LiveCall.Patience, LiveCall.Ct), call.Timeline());
        var error = Assert.Single(call.Recorder.Events, e => e is { Peer: "A", Event: TraceEventKind.Error });
        Assert.Equal((nameof(TerminalCloseError), (int?)4002), (error.Reason, error.Code));
        Assert.Equal(2, call.Recorder.Events.Count(e => e is { Peer: "A", Event: TraceEventKind.SocketRetry, Code: 4002 }));
        Assert.Equal(4, call.Proxy("A").Connections.Count);
    }
}

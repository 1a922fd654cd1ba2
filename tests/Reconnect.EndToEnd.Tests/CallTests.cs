using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Samples.RealCall;
using Reconnect.Testing.Trace;
using Reconnect.TestSupport.Proxy;

namespace Reconnect.EndToEnd.Tests;

/// <summary>Real calls on loopback: the real server, real WebSockets through fault proxies, the real facade.</summary>
public sealed class CallTests
{
    private static CancellationToken Ct => LiveCall.Ct;

    [Fact]
    public async Task Two_peers_join_and_each_sees_the_other_connected_with_its_stream()
    {
        await using var call = await LiveCall.StartAsync();

        await call.JoinAllAsync("A", "B");

        Assert.True(
            await CallProbe.WaitAsync(() => call.Clients.All(c => c.Value.RemotePeers.Single().Streams.Count == 1), LiveCall.Patience, Ct),
            call.Timeline());
        Assert.Equal("camB", call.Clients["A"].RemotePeers.Single().Streams.Single().Id);
        Assert.Equal("camA", call.Clients["B"].RemotePeers.Single().Streams.Single().Id);
    }

    [Fact]
    public async Task Three_second_cut_of_one_peer_heals_with_identity_kept_and_no_peer_left_or_error()
    {
        await using var call = await LiveCall.StartAsync();
        await call.JoinAllAsync("A", "B");

        await BreakAndHealAsync(call, ProxyFault.Cut(CutStyle.Reset), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Blackhole_of_one_peer_is_caught_by_the_heartbeat_and_heals_with_identity_kept()
    {
        await using var call = await LiveCall.StartAsync();
        await call.JoinAllAsync("A", "B");

        await BreakAndHealAsync(call, ProxyFault.Blackhole, TimeSpan.Zero);
    }

    [Fact]
    public async Task Admin_kick_with_a_terminal_code_stops_the_retries_and_surfaces_the_code()
    {
        await using var call = await LiveCall.StartAsync();
        await call.JoinAllAsync("A", "B");
        var a = call.Clients["A"];

        await call.Api.KickAsync(LiveCall.Channel, "A", 4005, Ct);

        Assert.True(await CallProbe.WaitAsync(() => a.State == LocalPeerState.Closed, LiveCall.Patience, Ct), call.Timeline());
        var error = Assert.Single(call.Recorder.Events, e => e.Peer == "A" && e.Event == TraceEventKind.Error);
        Assert.Equal(nameof(TerminalCloseError), error.Reason);
        Assert.Contains("4005", error.Detail, StringComparison.Ordinal);
        Assert.Single(call.Proxy("A").Connections);
    }

    [Fact]
    public async Task Five_peers_join_and_each_sees_the_four_others_connected()
    {
        await using var call = await LiveCall.StartAsync();

        await call.JoinAllAsync("A", "B", "C", "D", "E");

        Assert.All(call.Clients.Values, c => Assert.Equal(4, c.RemotePeers.Count));
    }

    private static async Task BreakAndHealAsync(LiveCall call, ProxyFault fault, TimeSpan holdAfterDetected)
    {
        var a = call.Clients["A"];
        var b = call.Clients["B"];
        var bSeenByA = a.RemotePeers.Single();
        var aSeenByB = b.RemotePeers.Single();

        call.Proxy("A").Fault = fault;
        Assert.True(await CallProbe.WaitAsync(() => a.State == LocalPeerState.Reconnecting, LiveCall.Patience, Ct), call.Timeline());
        await Task.Delay(holdAfterDetected, Ct);
        call.Proxy("A").Fault = ProxyFault.Pass;

        Assert.True(await call.HealedAsync(), "Not healed:\n" + call.Timeline());
        Assert.Same(bSeenByA, a.RemotePeers.Single());
        Assert.Same(aSeenByB, b.RemotePeers.Single());
        Assert.DoesNotContain(call.Recorder.Events, e => e.Event is TraceEventKind.PeerLeft or TraceEventKind.Error);
        Assert.Contains(call.Recorder.Events, e => e is { Peer: "A", Event: TraceEventKind.StateChange, From: "joined", To: "reconnecting" });
    }
}

using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Traces;
using Reconnect.Browser.Tests.Calls;
using Reconnect.Browser.Tests.Hosting;
using Reconnect.Channel;
using Reconnect.Core.Engine;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>
/// Both planes die at once for longer than the server waits for a silent session (its grace after the page's
/// heartbeat allowance): alice, in a network namespace, is evicted while her veth drops everything, learns it when
/// it comes back and rejoins as a new session; bob sees her leave once and join once, and video flows again. In the
/// browser collection, so no other browser test runs beside it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BothPlanesPastGraceTests(PastGraceWorld world) : IClassFixture<PastGraceWorld>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    /// <summary>Past the latest eviction (the grace after the heartbeat allowance, counted from alice's last frame before the cut).</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Both_planes_dead_for_30_s_get_alice_evicted_she_rejoins_and_bob_sees_her_leave_once_and_join_once()
    {
        Assert.True(world.SilenceGrace + BothPlanesWorld.PagePingInterval < Outage, "the server may still wait for alice when her link comes back");
        await using var call = world.Call();
        var (alice, bob) = await BothPlanesOutage.JoinAsync(call, world);
        var mark = await call.TraceMarkAsync();
        var aliceId = call.IdOf(alice);
        var oldSession = TraceNotices.SessionOf((await bob.TraceAsync()).Last(e => e.Event == TraceEventKind.PeerJoined && e.Remote == aliceId));
        await call.ExpectEvictionAsync(alice);

        var restored = await BothPlanesOutage.CutAsync(call, world, alice, bob, Outage, during: () =>
            call.UntilAsync("bob told by the server that alice left, before her link comes back", Outage, async () =>
                (await BrowserCall.TraceSinceAsync(bob, mark)).Any(e => e.Event == TraceEventKind.PeerLeft && e.Remote == aliceId)));

        await call.UntilAsync("alice told she was evicted for a network disconnect", Patience, async () =>
            (await BrowserCall.TraceSinceAsync(alice, mark)).Any(e => e.Event == TraceEventKind.Error && e.Reason == nameof(EvictedError)
                && e.Detail?.Contains($"({PeerLeftReasons.NetworkDisconnect})", StringComparison.Ordinal) == true));
        BothPlanesOutage.Log($"alice told she was evicted {restored.ElapsedMilliseconds} ms after the link came back");
        await call.HealedAsync(Patience);
        await call.MediaFlowsAsync(Patience);
        BothPlanesOutage.Log($"video flowing both ways again {restored.ElapsedMilliseconds} ms after the link came back");
        var description = await call.DescribeAsync();
        var seen = await BrowserCall.TraceSinceAsync(bob, mark);
        var left = seen.Where(e => e.Event == TraceEventKind.PeerLeft).ToList();
        var joined = seen.Where(e => e.Event == TraceEventKind.PeerJoined).ToList();
        Assert.True(left.Count == 1 && left[0].Remote == aliceId && left[0].Reason == PeerLeftReasons.NetworkDisconnect,
            $"bob did not see alice ({aliceId}) leave exactly once for a network disconnect since the outage:\n{CallAssert.Lines(seen, TraceEventKind.PeerLeft)}\n{description}");
        Assert.True(joined.Count == 1 && joined[0].Remote == aliceId && TraceNotices.SessionOf(joined[0]) != oldSession,
            $"bob did not see alice ({aliceId}) join exactly once, under a new session (was {oldSession}), since the outage:\n{CallAssert.Lines(seen, TraceEventKind.PeerJoined)}\n{description}");
        await call.FinishAsync();
    }
}

using Reconnect.Browser.Tests.Calls;
using Reconnect.Browser.Tests.Hosting;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>
/// Both planes die at once for less than the server's grace: alice's Chromium runs in a network namespace and every
/// packet over its veth is dropped silently (signalling and media alike), bob's runs in the root namespace. The whole
/// call heals as it was. In the browser collection, so no other browser test runs beside it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BothPlanesWithinGraceTests(WithinGraceWorld world) : IClassFixture<WithinGraceWorld>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Both_planes_dead_for_5_s_heal_the_whole_call_keeping_identity_and_streams_with_no_peer_left()
    {
        await using var call = world.Call();
        var (alice, bob) = await BothPlanesOutage.JoinAsync(call, world);
        var before = await call.IdentityAsync();

        var restored = await BothPlanesOutage.CutAsync(call, world, alice, bob, TimeSpan.FromSeconds(5));

        await call.HealedAsync(Patience);
        await call.MediaFlowsAsync(Patience);
        BothPlanesOutage.Log($"video flowing both ways again {restored.ElapsedMilliseconds} ms after the link came back");
        CallAssert.IdentityKept(before, await call.IdentityAsync(), sameGeneration: false, await call.DescribeAsync());
        await call.FinishAsync();
    }
}

using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Tests.Calls;
using Reconnect.Browser.Tests.Hosting;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>
/// Negotiation glare on a fresh relay-only connection (<see cref="NegotiationGlare"/>): the polite side (the higher id)
/// has only answered on it when both sides make a restart offer at once and it rolls its own offer back. Chromium tears
/// such a side's transport down on that rollback: ICE connects again and frames are decoded again (counted from 1), but
/// its video element never shows a new frame. The call must heal for real: video shown both ways, identities kept.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GlareTests(BrowserWorld world)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan VideoPatience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Glare_on_a_fresh_connection_heals_with_video_shown_both_ways()
    {
        await using var call = world.Call();
        var signal = call.SignalProxy();
        var pages = await call.JoinAllAsync(relay: true, signal, "alice", "bob");
        await call.ConnectedAsync(Patience);
        var before = await call.IdentityAsync();
        var (impolite, polite) = string.CompareOrdinal(call.IdOf(pages[0]), call.IdOf(pages[1])) < 0 ? (pages[0], pages[1]) : (pages[1], pages[0]);
        var roles = $"impolite {impolite.Name} ({call.IdOf(impolite)}), polite {polite.Name} ({call.IdOf(polite)})";
        TestContext.Current.TestOutputHelper?.WriteLine(roles);

        await NegotiationGlare.ForceAsync(call, signal, world.Turn, impolite, polite);

        await call.HealedAsync(Patience);
        try
        {
            await call.MediaFlowsAsync(VideoPatience);
        }
        catch (CallCheckException ex)
        {
            throw new CallCheckException($"after the glare ({roles}): {ex.Message}");
        }

        CallAssert.IdentityKept(before, await call.IdentityAsync(), sameGeneration: false, await call.DescribeAsync());
        await call.FinishAsync();
    }
}

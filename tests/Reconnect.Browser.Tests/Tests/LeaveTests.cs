using System.Diagnostics;
using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Harness.Pages;
using Reconnect.Browser.Tests.Calls;
using Reconnect.Browser.Tests.Hosting;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>
/// A peer that leaves or closes on purpose is gone for the others at once: within a few seconds of real time, far
/// inside the server's silence grace (45 s), which only a peer that vanished without a word waits out.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LeaveTests(BrowserWorld world)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    /// <summary>Generous for a loaded machine, and an order of magnitude below the server's grace: "at once".</summary>
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_peer_that_leaves_and_one_that_closes_are_seen_gone_at_once()
    {
        await using var call = world.Call();
        var pages = await call.JoinAllAsync(relay: false, signal: null, "alice", "bob", "carol");
        await call.ConnectedAsync(Patience);
        var (alice, bob, carol) = (pages[0], pages[1], pages[2]);

        call.Departs(alice);
        await SeenGoneAtOnceAsync(call, alice, alice.LeaveAsync, [bob, carol]);
        call.Departs(bob);
        await SeenGoneAtOnceAsync(call, bob, bob.CloseAsync, [carol]);

        Assert.Equal("idle", await alice.LocalStateAsync());
        Assert.Equal("closed", await bob.LocalStateAsync());
        await call.FinishAsync();
    }

    [Fact]
    public async Task A_tab_closed_without_leave_is_seen_gone_at_once_while_a_page_kept_for_back_and_forward_stays()
    {
        await using var call = world.Call();
        var pages = await call.JoinAllAsync(relay: false, signal: null, "alice", "bob", "carol");
        await call.ConnectedAsync(Patience);
        var (alice, bob, carol) = (pages[0], pages[1], pages[2]);

        Assert.Equal(0, await carol.PageHiddenAsync(persisted: true));
        Assert.Equal("joined", await carol.LocalStateAsync());

        await SeenGoneAtOnceAsync(call, carol, () => call.CloseTabAsync(carol), [alice, bob]);

        await call.FinishAsync();
    }

    private static async Task SeenGoneAtOnceAsync(BrowserCall call, CallPage leaver, Func<Task> leave, CallPage[] others)
    {
        var id = call.IdOf(leaver);
        var clock = Stopwatch.StartNew();
        await leave();
        await call.UntilAsync($"{leaver.Name} ({id}) seen left by {string.Join(", ", others.Select(o => o.Name))} within {AtOnce.TotalSeconds} s of the command", AtOnce - clock.Elapsed, async () =>
        {
            foreach (var other in others)
            {
                if (!(await other.TraceAsync()).Any(e => e.Event == TraceEventKind.PeerLeft && e.Remote == id)
                    || (await other.RemotePeersAsync()).Any(r => r.Id == id))
                {
                    return false;
                }
            }

            return true;
        });
        TestContext.Current.TestOutputHelper?.WriteLine($"{leaver.Name} seen gone by the others {clock.ElapsedMilliseconds} ms after the command began");
    }
}

using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Pages;
using Reconnect.Browser.Tests.Hosting;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>
/// The server restarts (killed: every session it held is lost) while one page is offline and so never comes back: the
/// others are evicted, rejoin the new server as new sessions, heal their call, and drop the page that did not return
/// once it has had the server's grace to rejoin.
/// That peer-left has no word from the server behind it (the old server died with the session), and is still right:
/// no page's live checker and no replay of its trace may call it a peer-left for a healing drop.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ServerRestartTests(BrowserWorld world)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    /// <summary>How long a page waits for a peer whose session the server lost to rejoin: the server's grace (45 s) and a ping interval (20 s).</summary>
    private static readonly TimeSpan RejoinWait = TimeSpan.FromSeconds(65);

    [Fact]
    public async Task A_peer_whose_session_died_with_the_restarted_server_is_dropped_by_the_others_without_a_violation()
    {
        await using var call = world.Call();
        var pages = await call.JoinAllAsync(relay: false, signal: null, "alice", "bob", "carol");
        await call.ConnectedAsync(Patience);
        var (alice, bob, carol) = (pages[0], pages[1], pages[2]);
        var carolId = call.IdOf(carol);
        var mark = await call.TraceMarkAsync();

        await carol.SetOfflineAsync(true);
        call.Departs(carol);
        await world.Server.RestartAsync(TestContext.Current.CancellationToken);

        await call.UntilAsync("alice and bob evicted by the restarted server and joined again", Patience, async () =>
        {
            foreach (var page in new[] { alice, bob })
            {
                if (await page.LocalStateAsync() != "joined"
                    || !(await BrowserCall.TraceSinceAsync(page, mark)).Any(e => e.Event == TraceEventKind.Error && e.Reason == "EvictedError"))
                {
                    return false;
                }
            }

            return true;
        });
        await call.UntilAsync($"alice and bob rid of carol ({carolId}) once her rejoin wait is over", RejoinWait + Patience, async () =>
        {
            foreach (var page in new[] { alice, bob })
            {
                if (!(await BrowserCall.TraceSinceAsync(page, mark)).Any(e => e.Event == TraceEventKind.PeerLeft && e.Remote == carolId)
                    || (await page.RemotePeersAsync()).Any(r => r.Id == carolId))
                {
                    return false;
                }
            }

            return true;
        });
        await call.CloseTabAsync(carol);
        await call.UntilAsync("alice and bob see each other connected again with a stream", Patience, async () =>
            await SeesConnectedAsync(alice, call.IdOf(bob)) && await SeesConnectedAsync(bob, call.IdOf(alice)));
        await call.MediaFlowsAsync(Patience);

        await call.FinishAsync();
    }

    private static async Task<bool> SeesConnectedAsync(CallPage page, string remote) =>
        (await page.RemotePeersAsync()).Any(r => r.Id == remote && r.State == "connected" && r.Streams.Count > 0);
}

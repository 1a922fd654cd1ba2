using Reconnect.Core.Protocol;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

/// <summary>No flicker: the client raises ReconnectingVisible only for a reconnect that lasts the threshold, and ReconnectingRecovered when that one heals.</summary>
public sealed class ReconnectClientReconnectingVisibleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_blip_shorter_than_the_threshold_raises_neither_event()
    {
        var (call, alice, seen) = await JoinedAsync(TimeSpan.FromSeconds(5));
        await using (call)
        {
            call.DropSignalling("alice");
            call.Run(TimeSpan.FromSeconds(10));
            await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);

            Assert.Equal(LocalPeerState.Joined, alice.State);
            Assert.Empty(seen);
        }
    }

    [Fact]
    public async Task A_reconnect_longer_than_the_threshold_is_raised_visible_then_recovered_on_the_client_and_on_the_remote_peer()
    {
        var (call, alice, seen) = await JoinedAsync(TimeSpan.FromMilliseconds(100));
        await using (call)
        {
            var peer = Assert.Single(alice.RemotePeers);
            var peerSeen = new List<ReconnectEvent>();
            peer.ReconnectingVisible += (_, e) => peerSeen.Add(e);
            peer.ReconnectingRecovered += (_, e) => peerSeen.Add(e);
            var stream = alice.Events(Ct);

            call.DropSignalling("alice");
            call.Run(TimeSpan.FromSeconds(10));
            await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
            await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);
            var streamed = await stream.Where(e => e is ReconnectingVisibleEvent or ReconnectingRecoveredEvent).ToListAsync(Ct);

            Assert.Equal(
                ["visible local", "recovered local"],
                seen.Where(e => Of(e) is null).Select(Describe));
            Assert.Equal(["visible bob", "recovered bob"], peerSeen.Select(Describe));
            Assert.All(peerSeen, e => Assert.Same(peer, Of(e)));
            Assert.Equal(peerSeen, seen.Where(e => Of(e) is not null));
            Assert.Equal(seen, streamed);
            Assert.Equal(TimeSpan.FromMilliseconds(100), Assert.IsType<ReconnectingVisibleEvent>(seen[0]).Elapsed);
        }
    }

    private static async Task<(TestCall Call, ReconnectClient Alice, List<ReconnectEvent> Seen)> JoinedAsync(TimeSpan threshold)
    {
        var call = new TestCall();
        var options = new ReconnectOptions { ForceMediaRestartOnReconnect = true, ReconnectingVisibleAfter = threshold };
        var alice = call.Client("alice", b => b.WithOptions(options));
        var bob = call.Client("bob");
        var seen = new List<ReconnectEvent>();
        alice.ReconnectingVisible += (_, e) => seen.Add(e);
        alice.ReconnectingRecovered += (_, e) => seen.Add(e);
        await bob.PublishAsync(new StreamInfo("cam", new Dictionary<string, string>()), Ct);
        var joins = Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct));
        call.Run(TimeSpan.FromSeconds(5));
        await joins.WaitAsync(TestCall.Patience, Ct);
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
        return (call, alice, seen);
    }

    private static RemotePeer? Of(ReconnectEvent e) => e switch
    {
        ReconnectingVisibleEvent v => v.Peer,
        ReconnectingRecoveredEvent r => r.Peer,
        _ => null,
    };

    private static string Describe(ReconnectEvent e) =>
        (e is ReconnectingVisibleEvent ? "visible " : "recovered ") + (Of(e)?.Id ?? "local");
}

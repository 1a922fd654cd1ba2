using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Protocol;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

public sealed class ReconnectClientHealingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Drop_that_heals_keeps_the_same_RemotePeer_and_raises_StreamAdded_again_with_a_new_RemoteStream()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice", b => b.WithOptions(new ReconnectOptions { ForceMediaRestartOnReconnect = true }));
        var bob = call.Client("bob");
        var added = new List<StreamAddedEvent>();
        var peerAdded = new List<StreamAddedEvent>();
        var removed = new List<StreamRemovedEvent>();
        var left = new List<PeerLeftEvent>();
        var states = new List<LocalPeerState>();
        alice.StreamAdded += (_, e) => added.Add(e);
        alice.StreamRemoved += (_, e) => removed.Add(e);
        alice.PeerLeft += (_, e) => left.Add(e);
        alice.StateChanged += (_, e) => states.Add(e.To);
        alice.PeerJoined += (_, e) => e.Peer.StreamAdded += (_, s) => peerAdded.Add(s);
        await bob.PublishAsync(new StreamInfo("cam", new Dictionary<string, string>()), Ct);
        var joins = Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct));
        call.Run(TimeSpan.FromSeconds(5));
        await joins.WaitAsync(TestCall.Patience, Ct);
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
        var peer = Assert.Single(alice.RemotePeers);
        var before = Assert.Single(peer.Streams);

        call.DropSignalling("alice");
        call.Run(TimeSpan.FromSeconds(10));
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);

        Assert.Equal([LocalPeerState.Joining, LocalPeerState.Joined, LocalPeerState.Reconnecting, LocalPeerState.Joined], states);
        Assert.Same(peer, Assert.Single(alice.RemotePeers));
        var after = Assert.Single(peer.Streams);
        Assert.Equal("cam", after.Id);
        Assert.NotSame(before, after);
        Assert.True(after.Generation > before.Generation, $"generation {before.Generation} -> {after.Generation}");
        Assert.Equal([("cam", false), ("cam", true)], added.Select(e => (e.Stream.Id, e.Rebound)));
        Assert.Equal([before, after], added.Select(e => e.Stream));
        Assert.All(added, e => Assert.Same(peer, e.Peer));
        Assert.Equal(added, peerAdded);
        Assert.Empty(removed);
        Assert.Empty(left);
    }
}

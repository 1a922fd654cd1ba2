using Reconnect.Core.Protocol;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

/// <summary>The other side knows: the server's peer-away and peer-back reach the app as events on the client, on the remote peer and in the event stream.</summary>
public sealed class ReconnectClientPeerAwayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_peer_whose_socket_the_server_closed_is_raised_away_with_the_code_then_back_on_the_client_and_on_the_peer()
    {
        var call = new TestCall();
        await using (call)
        {
            var alice = call.Client("alice");
            var bob = call.Client("bob");
            await bob.PublishAsync(new StreamInfo("cam", new Dictionary<string, string>()), Ct);
            var joins = Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct));
            call.Run(TimeSpan.FromSeconds(5));
            await joins.WaitAsync(TestCall.Patience, Ct);
            var peer = Assert.Single(alice.RemotePeers);
            var seen = new List<ReconnectEvent>();
            var peerSeen = new List<ReconnectEvent>();
            alice.PeerAway += (_, e) => seen.Add(e);
            alice.PeerBack += (_, e) => seen.Add(e);
            peer.Away += (_, e) => peerSeen.Add(e);
            peer.Back += (_, e) => peerSeen.Add(e);
            var stream = alice.Events(Ct);

            call.ExpireFirstToken("bob");
            call.Run(TimeSpan.FromSeconds(10));
            await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
            var stateAfter = peer.State;
            await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);
            var streamed = await stream.Where(e => e is PeerAwayEvent or PeerBackEvent).ToListAsync(Ct);

            var away = Assert.IsType<PeerAwayEvent>(seen[0]);
            Assert.Equal(("closed-by-server", (int?)4002), (away.Reason, away.CloseCode));
            Assert.Same(peer, away.Peer);
            Assert.Same(peer, Assert.IsType<PeerBackEvent>(Assert.Single(seen.Skip(1))).Peer);
            Assert.Equal(seen, peerSeen);
            Assert.Equal(seen, streamed);
            Assert.Equal(RemotePeerState.Connected, stateAfter);
        }
    }
}

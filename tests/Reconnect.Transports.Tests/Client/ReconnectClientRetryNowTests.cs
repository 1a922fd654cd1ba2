using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

public sealed class ReconnectClientRetryNowTests
{
    private static readonly ReconnectOptions MinuteBackoff = new()
    {
        Backoff = new()
        {
            InitialDelay = TimeSpan.FromMinutes(1),
            MaxDelay = TimeSpan.FromMinutes(1),
            ResumeWindowMaxDelay = TimeSpan.FromMinutes(1),
            OfflineProbeInterval = null,
        },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Retry_now_during_a_long_backoff_reconnects_at_once_and_keeps_the_RemotePeer_objects()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice", b => b.WithOptions(MinuteBackoff));
        var bob = call.Client("bob");
        var retries = new List<SocketRetryScheduledNotice>();
        var left = new List<PeerLeftEvent>();
        alice.NoticeDispatched += (_, e) => retries.AddRange(e.Notice is SocketRetryScheduledNotice r ? [r] : []);
        alice.PeerLeft += (_, e) => left.Add(e);
        var joins = Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct));
        call.Run(TimeSpan.FromSeconds(5));
        await joins.WaitAsync(TestCall.Patience, Ct);
        var peer = Assert.Single(alice.RemotePeers);

        call.DropSignalling("alice");
        call.Run(TimeSpan.FromSeconds(1));
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
        Assert.Equal(LocalPeerState.Reconnecting, alice.State);
        Assert.True(Assert.Single(retries).Delay > TimeSpan.FromSeconds(40), $"backoff {retries[0].Delay}");

        await alice.RetryNowAsync(Ct);
        call.Run(TimeSpan.FromSeconds(3));
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);

        Assert.Equal(LocalPeerState.Joined, alice.State);
        Assert.Same(peer, Assert.Single(alice.RemotePeers));
        Assert.Empty(left);
    }
}

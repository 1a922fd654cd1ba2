using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

/// <summary>Escalation instead of giving up: the client raises EscalationStep for each step, on the same RemotePeer, in its handlers and its event stream.</summary>
public sealed class ReconnectClientEscalationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_spent_ladder_raises_EscalationStep_for_a_fresh_connection_on_the_same_RemotePeer()
    {
        var call = new TestCall();
        await using (call)
        {
            var options = new ReconnectOptions
            {
                IceRestart = new IceRestartLadderOptions { Delays = [TimeSpan.Zero, TimeSpan.FromSeconds(1)], AttemptTimeout = TimeSpan.FromSeconds(2) },
            };
            var alice = call.Client("alice", b => b.WithOptions(options));
            var bob = call.Client("bob");
            var joins = Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct));
            call.Run(TimeSpan.FromSeconds(5));
            await joins.WaitAsync(TestCall.Patience, Ct);
            await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
            var peer = Assert.Single(alice.RemotePeers);
            var seen = new List<EscalationStepEvent>();
            alice.EscalationStep += (_, e) => seen.Add(e);
            var stream = alice.Events(Ct);

            call.Fabric.BlockMedia("bob", blocked: true);
            call.Run(TimeSpan.FromSeconds(60));
            await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
            await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);
            var streamed = await stream.OfType<EscalationStepEvent>().ToListAsync(Ct);

            var first = Assert.IsType<EscalationStepEvent>(seen.FirstOrDefault());
            Assert.Equal((EscalationStepKind.FreshConnection, 1, true), (first.Step, first.Round, first.Taken));
            Assert.All(seen, e => Assert.Same(peer, e.Peer));
            Assert.Equal(seen, streamed);
        }
    }
}

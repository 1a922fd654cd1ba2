using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;
using Reconnect.Testing.Calls;

namespace Reconnect.Sim.Tests.Calls;

public sealed class VirtualCallTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1UL, 5)]
    [InlineData(42UL, 5)]
    [InlineData(0xDEADBEEFUL, 2)]
    [InlineData(7UL, 12)]
    [InlineData(0x5EED5EEDUL, 30)]
    public async Task A_cut_client_heals_and_keeps_every_remote_peer_object(ulong seed, int cutSeconds)
    {
        await using var call = new VirtualCall(seed);
        var (alice, bob) = await JoinedPairAsync(call);
        var bobSeenByAlice = Assert.Single(alice.RemotePeers);
        var aliceSeenByBob = Assert.Single(bob.RemotePeers);

        call.Cut("alice", TimeSpan.FromSeconds(cutSeconds));
        var failure = $"SEED=0x{seed:x} cut {cutSeconds} s\n{call.Timeline()}";
        Assert.False(call.IsHealed, failure);
        await call.RunForAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(LocalPeerState.Reconnecting, alice.State);
        var healed = await call.RunUntilHealedAsync(TimeSpan.FromMinutes(2));

        Assert.True(healed, failure);
        Assert.True(call.Elapsed >= TimeSpan.FromSeconds(cutSeconds), failure);
        Assert.Same(bobSeenByAlice, Assert.Single(alice.RemotePeers));
        Assert.Same(aliceSeenByBob, Assert.Single(bob.RemotePeers));
        Assert.Equal(RemotePeerState.Connected, bobSeenByAlice.State);
        var timeline = call.Timeline();
        Assert.Contains("fault      alice offline", timeline, StringComparison.Ordinal);
        Assert.EndsWith("heal       *", timeline.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(42UL)]
    [InlineData(0xC0FFEEUL)]
    public async Task The_same_seed_gives_the_same_timeline(ulong seed)
    {
        var first = await CutAndHealAsync(seed);
        var second = await CutAndHealAsync(seed);

        Assert.True(first == second, $"SEED=0x{seed:x}: the timelines differ\n--- first\n{first}\n--- second\n{second}");
    }

    [Fact]
    public async Task Over_drawn_seeds_and_cut_lengths_the_call_heals_with_identity_kept_and_replays_the_same_timeline()
    {
        var draws = Reconnect.Core.Time.DeterministicRandom.FromSeed(0x5EEDCA11);
        for (var i = 0; i < 12; i++)
        {
            var seed = draws.NextUInt64();
            var cut = TimeSpan.FromMilliseconds(draws.NextInt(200, 40_000));
            var first = await CutAndHealAsync(seed, cut);
            var second = await CutAndHealAsync(seed, cut);

            Assert.True(first == second, $"SEED=0x{seed:x} cut {cut}: the timelines differ\n--- first\n{first}\n--- second\n{second}");
        }
    }

    [Fact]
    public async Task Different_seeds_give_different_backoffs()
    {
        var timelines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seed in new ulong[] { 1, 2, 3 })
        {
            timelines.Add(await CutAndHealAsync(seed));
        }

        Assert.True(timelines.Count > 1, "three seeds gave one timeline: the seed does not reach the clients or the network");
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(99UL)]
    public async Task Commands_from_event_handlers_take_effect_during_the_run(ulong seed)
    {
        await using var call = new VirtualCall(seed);
        var alice = call.AddClient("alice");
        var bob = call.AddClient("bob");
        var published = new List<Task>();
        var lock_ = new Lock();
        bob.PeerJoined += (_, e) =>
        {
            lock (lock_)
            {
                published.Add(bob.PublishAsync(new StreamInfo("cam-bob-for-" + e.Peer.Id, new Dictionary<string, string>()), Ct));
            }
        };
        alice.StreamAdded += (_, e) =>
        {
            lock (lock_)
            {
                published.Add(alice.ReplaceTrackAsync("cam-alice", $"track-{e.Stream.Id}-{e.Stream.Generation}", Ct));
            }
        };
        await alice.PublishAsync(new StreamInfo("cam-alice", new Dictionary<string, string>()), Ct);
        await call.RunAsync(Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct)));
        call.Cut("bob", TimeSpan.FromSeconds(3));

        var failure = $"SEED=0x{seed:x}\n{call.Timeline()}";
        Assert.True(await call.RunUntilAsync(() => call.IsHealed && alice.RemotePeers.Single().Streams.Any(s => s.Id == "cam-bob-for-alice"), TimeSpan.FromMinutes(1)), failure);
        Task[] commands;
        lock (lock_)
        {
            commands = [.. published];
        }

        Assert.NotEmpty(commands);
        await call.RunAsync(Task.WhenAll(commands));
    }

    [Fact]
    public async Task Nothing_moves_until_the_call_runs()
    {
        await using var call = new VirtualCall();
        var alice = call.AddClient("alice");
        var join = alice.JoinAsync("room", "alice", null, Ct);
        await Task.Delay(50, Ct);

        Assert.False(join.IsCompleted);
        Assert.Equal(TimeSpan.Zero, call.Elapsed);
        await call.RunAsync(join);
        Assert.Equal(LocalPeerState.Joined, alice.State);
        Assert.True(call.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public async Task An_operation_that_does_not_complete_in_time_is_a_timeout_in_virtual_time()
    {
        await using var call = new VirtualCall();
        var never = new TaskCompletionSource();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.RunAsync(never.Task, TimeSpan.FromSeconds(3)));

        Assert.Contains("00:00:03", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(3), call.Elapsed);
    }

    [Fact]
    public async Task Misuse_is_a_clear_error()
    {
        await using var call = new VirtualCall();
        call.AddClient("alice");

        var taken = Assert.Throws<ArgumentException>(() => call.AddClient("alice"));
        var server = Assert.Throws<ArgumentException>(() => call.AddClient(VirtualCall.ServerHost));
        var unknown = Assert.Throws<ArgumentException>(() => call.Cut("carol", TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => call.Cut("alice", TimeSpan.Zero));
        var nested = await Assert.ThrowsAsync<InvalidOperationException>(() => call.RunUntilAsync(
            () =>
            {
                call.Cut("alice", TimeSpan.FromSeconds(1));
                return true;
            },
            TimeSpan.FromSeconds(1)));

        Assert.Contains("already taken", taken.Message, StringComparison.Ordinal);
        Assert.Contains("server", server.Message, StringComparison.Ordinal);
        Assert.Contains("carol", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("alice", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("already running", nested.Message, StringComparison.Ordinal);
        await call.RunForAsync(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(call.Trace(), e => e.Event == "fault");
    }

    [Fact]
    public async Task Disposing_closes_every_client()
    {
        ReconnectClient alice;
        ReconnectClient bob;
        await using (var call = new VirtualCall())
        {
            (alice, bob) = await JoinedPairAsync(call);
        }

        Assert.Equal(LocalPeerState.Closed, alice.State);
        Assert.Equal(LocalPeerState.Closed, bob.State);
    }

    private static async Task<(ReconnectClient Alice, ReconnectClient Bob)> JoinedPairAsync(VirtualCall call)
    {
        var alice = call.AddClient("alice");
        var bob = call.AddClient("bob");
        await call.RunAsync(Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct)));
        Assert.True(await call.RunUntilHealedAsync(), call.Timeline());
        return (alice, bob);
    }

    private static Task<string> CutAndHealAsync(ulong seed) => CutAndHealAsync(seed, TimeSpan.FromSeconds(5));

    /// <summary>Cuts alice for <paramref name="cut"/>; asserts the call heals with both remote peer objects kept; returns the timeline.</summary>
    private static async Task<string> CutAndHealAsync(ulong seed, TimeSpan cut)
    {
        await using var call = new VirtualCall(seed);
        var (alice, bob) = await JoinedPairAsync(call);
        var bobSeenByAlice = Assert.Single(alice.RemotePeers);
        var aliceSeenByBob = Assert.Single(bob.RemotePeers);
        call.Cut("alice", cut);
        Assert.True(await call.RunUntilHealedAsync(TimeSpan.FromMinutes(2)), $"SEED=0x{seed:x} cut {cut}\n{call.Timeline()}");
        Assert.Same(bobSeenByAlice, Assert.Single(alice.RemotePeers));
        Assert.Same(aliceSeenByBob, Assert.Single(bob.RemotePeers));
        return call.Timeline();
    }
}

using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

/// <summary><see cref="ReconnectClient.Events"/>: a snapshot, then every later event, to every subscriber.</summary>
public sealed class ReconnectClientEventStreamTests
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stream_opened_in_a_call_starts_with_the_local_state_and_the_remote_peers_with_their_states_and_streams()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice");
        var bob = call.Client("bob");
        await bob.PublishAsync(new StreamInfo("cam", NoMetadata), Ct);
        var joins = Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct));
        call.Run(TimeSpan.FromSeconds(5));
        await joins.WaitAsync(TestCall.Patience, Ct);
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);

        await using var events = alice.Events(Ct).GetAsyncEnumerator(Ct);
        Assert.True(await events.MoveNextAsync());

        var snapshot = Assert.IsType<CallSnapshotEvent>(events.Current);
        Assert.Equal(LocalPeerState.Joined, snapshot.State);
        var bobView = Assert.Single(snapshot.RemotePeers);
        Assert.Same(Assert.Single(alice.RemotePeers), bobView.Peer);
        Assert.Equal(RemotePeerState.Connected, bobView.State);
        Assert.Equal("cam", Assert.Single(bobView.Streams).Id);
        Assert.Same(bobView.Peer.Streams[0], bobView.Streams[0]);
        Assert.True(bobView.Generation > 0);
    }

    [Fact]
    public async Task Every_subscriber_gets_a_snapshot_then_exactly_the_events_after_it_whatever_the_moment_it_subscribes()
    {
        for (var seed = 1; seed <= 12; seed++)
        {
            await CheckOneScheduleAsync(seed);
        }
    }

    [Fact]
    public async Task Concurrent_enumerations_each_get_every_event_and_a_sequence_enumerated_again_subscribes_anew()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice");
        var bob = call.Client("bob");
        var sequence = alice.Events(Ct);
        var second = alice.Events(Ct);
        var reading = Task.WhenAll(sequence.ToListAsync(Ct).AsTask(), second.ToListAsync(Ct).AsTask());

        var joins = Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct));
        call.Run(TimeSpan.FromSeconds(5));
        await joins.WaitAsync(TestCall.Patience, Ct);
        await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);
        var read = await reading.WaitAsync(TestCall.Patience, Ct);
        var again = await sequence.ToListAsync(Ct);

        Assert.Equal(read[0].Skip(1), read[1].Skip(1));
        Assert.Contains(read[0], e => e is PeerJoinedEvent { Peer.Id: "bob" });
        Assert.Equal(LocalPeerState.Closed, Assert.IsType<StateChangedEvent>(read[0][^1]).To);
        var closedSnapshot = Assert.IsType<CallSnapshotEvent>(Assert.Single(again));
        Assert.Equal(LocalPeerState.Closed, closedSnapshot.State);
    }

    [Fact]
    public async Task A_subscriber_that_never_reads_gets_a_gap_counting_what_it_lost_and_a_fresh_snapshot_while_handlers_get_everything()
    {
        var (whole, wholeHandled) = await SlowReaderCallAsync(capacity: 100_000);
        var (late, handled) = await SlowReaderCallAsync(capacity: 3);

        Assert.Equal(["Joining", "Joined", "+bob", "Closed"], wholeHandled);
        Assert.Equal(wholeHandled, handled);
        var live = whole.Skip(1).Select(Describe).ToList();
        Assert.DoesNotContain(nameof(EventsMissedEvent), live);
        var gap = Assert.IsType<EventsMissedEvent>(late[0]);
        var fresh = Assert.IsType<CallSnapshotEvent>(late[1]);
        var tail = late.Skip(2).ToList();
        Assert.InRange(tail.Count, 0, 3);
        Assert.Equal(live.Count, gap.Missed + tail.Count);
        Assert.Equal(live.TakeLast(tail.Count), tail.Select(Describe));
        Assert.StartsWith(nameof(LocalPeerState.Closed), new CallReplay(fresh).Apply(tail).Describe(), StringComparison.Ordinal);
    }

    /// <summary>One deterministic call in virtual time: what a subscriber that reads only after the close got, and what the handlers saw.</summary>
    private static async Task<(List<ReconnectEvent> Read, List<string> Handled)> SlowReaderCallAsync(int capacity)
    {
        await using var call = new TestCall();
        var alice = call.Client("alice", b => b.WithEventBufferCapacity(capacity));
        var bob = call.Client("bob");
        var handled = new List<string>();
        alice.StateChanged += (_, e) => handled.Add(Describe(e));
        alice.PeerJoined += (_, e) => handled.Add(Describe(e));
        var slow = alice.Events(Ct);

        var joins = Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct));
        call.Run(TimeSpan.FromSeconds(5));
        await joins.WaitAsync(TestCall.Patience, Ct);
        await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);
        return (await slow.ToListAsync(Ct), handled);
    }

    private static string Describe(ReconnectEvent evt) => evt switch
    {
        StateChangedEvent s => s.To.ToString(),
        PeerJoinedEvent j => "+" + j.Peer.Id,
        _ => $"{evt.GetType().Name}@{evt.At.Ticks}",
    };

    /// <summary>
    /// A call with three clients, driven through joins, a stream, a drop that heals, a leave and an unpublish in
    /// virtual time, with subscribers opened at random moments while the dispatcher is busy; each one must read its
    /// snapshot and then exactly the reference subscriber's events after the point its snapshot stands for.
    /// </summary>
    private static async Task CheckOneScheduleAsync(int seed)
    {
        var random = new Random(seed);
        await using var call = new TestCall();
        var alice = call.Client("alice", b => b.WithEventBufferCapacity(100_000));
        var bob = call.Client("bob");
        var carol = call.Client("carol");
        var reference = alice.Events(Ct);
        var subscribers = new List<IAsyncEnumerable<ReconnectEvent>>();
        var commands = new List<Task> { bob.PublishAsync(new StreamInfo("cam", NoMetadata), Ct) };
        Task Run(Action action)
        {
            action();
            return Task.CompletedTask;
        }

        Func<Task>[] script =
        [
            () => Run(() => commands.Add(alice.JoinAsync("room", "alice", null, Ct))),
            () => Run(() => commands.Add(bob.JoinAsync("room", "bob", null, Ct))),
            () => Run(() => commands.Add(carol.JoinAsync("room", "carol", null, Ct))),
            () => Run(() => call.DropSignalling("alice")),
            async () =>
            {
                // A leave posted before the dispatcher completed carol's join would abandon it.
                await commands[^1].WaitAsync(TestCall.Patience, Ct);
                commands.Add(carol.LeaveAsync(Ct));
            },
            () => Run(() => commands.Add(bob.UnpublishAsync("cam", Ct))),
        ];
        foreach (var step in script)
        {
            await step();
            for (var slice = 0; slice < 8; slice++)
            {
                call.Run(TimeSpan.FromMilliseconds(random.Next(50, 400)));
                for (var n = random.Next(0, 3); n > 0; n--)
                {
                    subscribers.Add(random.Next(2) == 0 ? alice.Events(Ct) : await Task.Run(() => alice.Events(Ct), Ct));
                }
            }
        }

        call.Run(TimeSpan.FromSeconds(15));
        await Task.WhenAll(commands).WaitAsync(TestCall.Patience, Ct);
        await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);
        var all = await reference.ToListAsync(Ct);
        var origin = Assert.IsType<CallSnapshotEvent>(all[0]);
        var history = all.Skip(1).ToList();
        Assert.True(history.All(e => e is not (EventsMissedEvent or CallSnapshotEvent)), $"SEED=0x{seed:x}: the reference subscriber lost events");
        Assert.True(history.Exists(e => e is StreamRemovedEvent), $"SEED=0x{seed:x}: the script did not run to its end");
        foreach (var (subscriber, index) in subscribers.Select((s, i) => (s, i)))
        {
            var read = await subscriber.ToListAsync(Ct);
            var snapshot = read[0] as CallSnapshotEvent;
            var after = read.Skip(1).ToList();
            var start = history.Count - after.Count;
            Assert.True(snapshot is not null, $"SEED=0x{seed:x}: subscriber {index} did not start with a snapshot but {read[0]}");
            Assert.True(
                start >= 0 && after.Select((e, i) => ReferenceEquals(e, history[start + i])).All(same => same),
                $"SEED=0x{seed:x}: subscriber {index}'s {after.Count} events are not the last ones of the {history.Count} events");
            var expected = new CallReplay(origin).Apply(history.Take(start)).Describe();
            var actual = CallReplay.Describe(snapshot!);
            Assert.True(expected == actual, $"SEED=0x{seed:x}: subscriber {index}'s snapshot (before event {start}) is {actual}, the events before it make {expected}");
        }
    }
}

using Microsoft.Extensions.Logging;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

public sealed class ReconnectClientEventTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_throwing_event_handler_is_logged_and_does_not_stop_later_handlers_or_events()
    {
        await using var call = new TestCall();
        var logs = new RecordingLoggerFactory();
        var alice = call.Client("alice", b => b.WithLoggerFactory(logs));
        var thrown = 0;
        var seen = new List<LocalPeerState>();
        alice.StateChanged += (_, _) =>
        {
            Interlocked.Increment(ref thrown);
            throw new InvalidOperationException("a bug in the application's handler");
        };
        alice.StateChanged += (_, e) => seen.Add(e.To);

        var join = alice.JoinAsync("room", "alice", null, Ct);
        call.Run(TimeSpan.FromSeconds(1));
        await join.WaitAsync(TestCall.Patience, Ct);
        await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);

        Assert.Equal([LocalPeerState.Joining, LocalPeerState.Joined, LocalPeerState.Closed], seen);
        Assert.Equal(3, thrown);
        var failures = logs.Entries.Where(e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException).ToList();
        Assert.Equal(3, failures.Count);
        Assert.All(failures, e => Assert.Contains("ReconnectClient.StateChanged", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoticeDispatched_carries_every_engine_notice_in_order_before_its_typed_event()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice");
        var seen = new List<string>();
        alice.NoticeDispatched += (_, e) => seen.Add("notice " + e.Notice.GetType().Name);
        alice.StateChanged += (_, e) => seen.Add("event " + e.To);

        var join = alice.JoinAsync("room", "alice", null, Ct);
        call.Run(TimeSpan.FromSeconds(1));
        await join.WaitAsync(TestCall.Patience, Ct);
        await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);

        Assert.Contains("notice SocketAttemptStartedNotice", seen);
        Assert.Equal(
            ["notice LocalStateChangedNotice", "event Joining", "notice LocalStateChangedNotice", "event Joined", "notice LocalStateChangedNotice", "event Closed"],
            seen.Where(s => s.StartsWith("event ", StringComparison.Ordinal) || s == "notice LocalStateChangedNotice"));
    }

    [Fact]
    public async Task Events_stream_yields_every_event_in_the_order_handlers_saw_them_and_ends_at_close()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice");
        var bob = call.Client("bob");
        var handled = new List<ReconnectEvent>();
        alice.StateChanged += (_, e) => handled.Add(e);
        alice.PeerJoined += (_, e) => handled.Add(e);
        alice.PeerLeft += (_, e) => handled.Add(e);
        var stream = alice.Events(Ct);

        var joins = Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct));
        call.Run(TimeSpan.FromSeconds(5));
        await joins.WaitAsync(TestCall.Patience, Ct);
        var leave = bob.LeaveAsync(Ct);
        call.Run(TimeSpan.FromSeconds(3));
        await leave.WaitAsync(TestCall.Patience, Ct);
        await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);
        var events = new List<ReconnectEvent>();
        await foreach (var evt in stream.WithCancellation(Ct))
        {
            events.Add(evt);
        }

        Assert.Equal(handled, events.Where(e => e is StateChangedEvent or PeerJoinedEvent or PeerLeftEvent));
        Assert.Equal(
            ["Joining", "Joined", "+bob", "-bob", "Closed"],
            handled.Select(e => e switch
            {
                StateChangedEvent s => s.To.ToString(),
                PeerJoinedEvent j => "+" + j.Peer.Id,
                PeerLeftEvent l => "-" + l.Peer.Id,
                _ => e.GetType().Name,
            }));
        Assert.Equal(events.Select(e => e.At).Order(), events.Select(e => e.At));
        var firstAttempt = events.FindIndex(e => e is SocketAttemptStartedEvent);
        var joined = events.FindIndex(e => e is StateChangedEvent { To: LocalPeerState.Joined });
        Assert.InRange(firstAttempt, 1, joined - 1);
        Assert.Equal(LocalPeerState.Closed, Assert.IsType<StateChangedEvent>(events[^1]).To);
        Assert.Equal(LocalPeerState.Closed, Assert.IsType<CallSnapshotEvent>(Assert.Single(await alice.Events(Ct).ToListAsync(Ct))).State);
    }
}

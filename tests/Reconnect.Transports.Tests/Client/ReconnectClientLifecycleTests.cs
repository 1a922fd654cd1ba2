using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

public sealed class ReconnectClientLifecycleTests
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ReconnectClient> JoinedAsync(TestCall call, string name)
    {
        var client = call.Client(name);
        var join = client.JoinAsync("room", name, null, Ct);
        call.Run(TimeSpan.FromSeconds(1));
        await join.WaitAsync(TestCall.Patience, Ct);
        return client;
    }

    [Fact]
    public async Task Join_completes_once_the_server_welcomes_the_peer()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice");

        var join = alice.JoinAsync("room", "alice", new Dictionary<string, string> { ["name"] = "Alice" }, Ct);
        Assert.False(join.IsCompleted);
        call.Run(TimeSpan.FromSeconds(1));
        await join.WaitAsync(TestCall.Patience, Ct);

        Assert.Equal(LocalPeerState.Joined, alice.State);
        Assert.Empty(alice.RemotePeers);
    }

    [Fact]
    public async Task Join_completes_only_once_the_roster_is_applied_so_the_peers_already_in_the_channel_are_listed()
    {
        await using var call = new TestCall();
        await JoinedAsync(call, "bob");
        await JoinedAsync(call, "carol");
        var alice = call.Client("alice");

        var join = alice.JoinAsync("room", "alice", null, Ct);
        while (!join.IsCompleted)
        {
            call.Run(TimeSpan.FromMilliseconds(1));
            await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
        }

        await join;
        Assert.Equal(LocalPeerState.Joined, alice.State);
        Assert.Equal(["bob", "carol"], alice.RemotePeers.Select(p => p.Id));
    }

    [Fact]
    public async Task Each_client_sees_the_other_as_a_remote_peer_with_its_metadata_and_stream()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice");
        var bob = call.Client("bob");
        await bob.PublishAsync(new StreamInfo("cam", NoMetadata), Ct);

        var joins = Task.WhenAll(
            alice.JoinAsync("room", "alice", null, Ct),
            bob.JoinAsync("room", "bob", new Dictionary<string, string> { ["name"] = "Bob" }, Ct));
        call.Run(TimeSpan.FromSeconds(5));
        await joins.WaitAsync(TestCall.Patience, Ct);
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);

        var remote = Assert.Single(alice.RemotePeers);
        Assert.Equal("bob", remote.Id);
        Assert.Equal("Bob", remote.Metadata["name"]);
        Assert.Equal(RemotePeerState.Connected, remote.State);
        Assert.Equal("cam", Assert.Single(remote.Streams).Id);
        Assert.Same(remote, remote.Streams[0].Peer);
    }

    [Fact]
    public async Task Leave_completes_once_the_channel_is_released_and_the_client_can_join_again()
    {
        await using var call = new TestCall();
        var alice = await JoinedAsync(call, "alice");

        var leave = alice.LeaveAsync(Ct);
        call.Run(TimeSpan.FromSeconds(3));
        await leave.WaitAsync(TestCall.Patience, Ct);
        Assert.Equal(LocalPeerState.Idle, alice.State);
        await alice.LeaveAsync(Ct).WaitAsync(TestCall.Patience, Ct);

        var again = alice.JoinAsync("room", "alice", null, Ct);
        call.Run(TimeSpan.FromSeconds(1));
        await again.WaitAsync(TestCall.Patience, Ct);
        Assert.Equal(LocalPeerState.Joined, alice.State);
    }

    [Fact]
    public async Task Join_called_while_leaving_waits_for_the_leave_and_then_joins()
    {
        await using var call = new TestCall();
        var alice = await JoinedAsync(call, "alice");

        var leave = alice.LeaveAsync(Ct);
        var again = alice.JoinAsync("lobby", "alice", null, Ct);
        var late = alice.JoinAsync("lobby", "alice", null, Ct);
        call.Run(TimeSpan.FromSeconds(3));

        await Task.WhenAll(leave, again, late).WaitAsync(TestCall.Patience, Ct);
        Assert.Equal(LocalPeerState.Joined, alice.State);
        Assert.True(call.Server.Logic.IsAttached("lobby", "alice"));
        Assert.False(call.Server.Logic.IsAttached("room", "alice"));
    }

    [Fact]
    public async Task Leave_abandons_a_join_called_before_it()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice");

        var join = alice.JoinAsync("room", "alice", null, Ct);
        var leave = alice.LeaveAsync(Ct);
        call.Run(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAsync<OperationCanceledException>(() => join.WaitAsync(TestCall.Patience, Ct));
        await leave.WaitAsync(TestCall.Patience, Ct);
        Assert.Equal(LocalPeerState.Idle, alice.State);
    }

    [Fact]
    public async Task Close_is_idempotent_and_join_after_close_throws_ReconnectClosedException()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice");
        var closes = 0;
        alice.StateChanged += (_, e) =>
        {
            if (e.To == LocalPeerState.Closed)
            {
                Interlocked.Increment(ref closes);
            }
        };
        var join = alice.JoinAsync("room", "alice", null, Ct);
        call.Run(TimeSpan.FromSeconds(1));
        await join.WaitAsync(TestCall.Patience, Ct);

        var first = alice.CloseAsync(Ct);
        var second = alice.CloseAsync(Ct);
        await Task.WhenAll(first, second).WaitAsync(TestCall.Patience, Ct);
        await alice.DisposeAsync();
        await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);

        Assert.Equal(1, closes);
        Assert.Equal(LocalPeerState.Closed, alice.State);
        var refused = await Assert.ThrowsAsync<ReconnectClosedException>(() => alice.JoinAsync("room", "alice", null, Ct));
        Assert.IsAssignableFrom<ObjectDisposedException>(refused);
        await Assert.ThrowsAsync<ReconnectClosedException>(() => alice.PublishAsync(new StreamInfo("cam", NoMetadata), Ct));
        await Assert.ThrowsAsync<ReconnectClosedException>(() => alice.LeaveAsync(Ct));
    }

    [Fact]
    public async Task Disposing_a_joined_client_tells_the_server_so_the_others_see_it_leave_at_once_with_reason_left()
    {
        await using var call = new TestCall();
        var alice = await JoinedAsync(call, "alice");
        var bob = await JoinedAsync(call, "bob");
        var left = new List<PeerLeftEvent>();
        alice.PeerLeft += (_, e) => left.Add(e);
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);

        await bob.DisposeAsync();
        call.Run(TimeSpan.FromSeconds(1));
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);

        var gone = Assert.Single(left);
        Assert.Equal(("bob", "left"), (gone.Peer.Id, gone.Reason));
        Assert.DoesNotContain(call.Server.Logic.Roster("room"), p => p.PeerId == "bob");
    }

    [Fact]
    public async Task Close_fails_a_join_still_under_way_with_ReconnectClosedException()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice");
        var join = alice.JoinAsync("room", "alice", null, Ct);

        await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);

        await Assert.ThrowsAsync<ReconnectClosedException>(() => join.WaitAsync(TestCall.Patience, Ct));
    }

    [Fact]
    public async Task Terminal_close_makes_JoinAsync_throw_ReconnectException_with_TerminalCloseError()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice", token: "forged");

        var join = alice.JoinAsync("room", "alice", null, Ct);
        call.Run(TimeSpan.FromSeconds(1));

        var failure = await Assert.ThrowsAsync<ReconnectException>(() => join.WaitAsync(TestCall.Patience, Ct));
        var terminal = Assert.IsType<TerminalCloseError>(failure.Error);
        Assert.Equal(CloseCodes.InvalidToken, terminal.Code);
        Assert.Equal(LocalPeerState.Closed, alice.State);
        await Assert.ThrowsAsync<ReconnectClosedException>(() => alice.JoinAsync("room", "alice", null, Ct));
    }

    [Fact]
    public async Task A_refused_first_connect_throws_FirstConnectFailed_with_connection_refused_and_leaves_the_client_able_to_join_again()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice");
        call.Server.Accepting = false;

        var join = alice.JoinAsync("room", "alice", null, Ct);
        call.Run(TimeSpan.FromSeconds(1));
        var failure = await Assert.ThrowsAsync<ReconnectException>(() => join.WaitAsync(TestCall.Patience, Ct));
        Assert.Equal(new FirstConnectFailed(CloseCodes.ConnectionRefused, "connection_refused", $"connection refused by {TestCall.ServerHost}"), failure.Error);
        Assert.Equal($"The first connect failed: connection refused by {TestCall.ServerHost} (connection_refused).", failure.Message);
        Assert.Equal(LocalPeerState.Idle, alice.State);

        call.Server.Accepting = true;
        var again = alice.JoinAsync("room", "alice", null, Ct);
        call.Run(TimeSpan.FromSeconds(1));
        await again.WaitAsync(TestCall.Patience, Ct);
        Assert.Equal(LocalPeerState.Joined, alice.State);
    }

    [Fact]
    public async Task Joining_twice_throws_ReconnectException_with_CommandRejected()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice");
        var join = alice.JoinAsync("room", "alice", null, Ct);
        call.Run(TimeSpan.FromSeconds(1));
        await join.WaitAsync(TestCall.Patience, Ct);

        var second = alice.JoinAsync("room", "alice", null, Ct);

        var failure = await Assert.ThrowsAsync<ReconnectException>(() => second.WaitAsync(TestCall.Patience, Ct));
        Assert.Equal(new CommandRejected("join", nameof(LocalPeerState.Joined)), failure.Error);
        Assert.Equal(LocalPeerState.Joined, alice.State);
    }

    [Fact]
    public async Task Cancelling_a_join_abandons_it_and_returns_the_client_to_idle()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice", b => b.WithOptions(new ReconnectOptions { RetryFirstConnect = true }));
        call.Server.Accepting = false;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var join = alice.JoinAsync("room", "alice", null, cancel.Token);
        call.Run(TimeSpan.FromSeconds(3));
        Assert.False(join.IsCompleted);
        await cancel.CancelAsync();
        call.Run(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => join.WaitAsync(TestCall.Patience, Ct));
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);
        Assert.Equal(LocalPeerState.Idle, alice.State);
    }

    [Fact]
    public async Task Publishing_a_stream_id_twice_or_withdrawing_an_unknown_one_throws_CommandRejected()
    {
        await using var call = new TestCall();
        var alice = call.Client("alice");
        await alice.PublishAsync(new StreamInfo("cam", NoMetadata), Ct);

        var twice = await Assert.ThrowsAsync<ReconnectException>(() => alice.PublishAsync(new StreamInfo("cam", NoMetadata), Ct));
        var unknown = await Assert.ThrowsAsync<ReconnectException>(() => alice.UnpublishAsync("mic", Ct));
        var track = await Assert.ThrowsAsync<ReconnectException>(() => alice.ReplaceTrackAsync("mic", "t2", Ct));

        Assert.Equal(new CommandRejected("add stream 'cam' twice", "Idle"), twice.Error);
        Assert.Equal(new CommandRejected("remove unknown stream 'mic'", "Idle"), unknown.Error);
        Assert.Equal(new CommandRejected("replace the track of unknown stream 'mic'", "Idle"), track.Error);
        await alice.ReplaceTrackAsync("cam", "t2", Ct);
        await alice.UnpublishAsync("cam", Ct);
        await alice.PublishAsync(new StreamInfo("cam", NoMetadata), Ct);
    }
}

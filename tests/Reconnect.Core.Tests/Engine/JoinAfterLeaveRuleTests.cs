using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>A join requested while leaving is queued (the latest one wins) and starts when the leave finishes.</summary>
public sealed class JoinAfterLeaveRuleTests
{
    private static readonly IReadOnlyDictionary<string, string> Blue = EngineHarness.Meta(("team", "blue"));

    private static EngineHarness JoinedThenLeaving()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.Feed(new LeaveRequested());
        Assert.Equal(LocalPeerState.Leaving, h.Snapshot.Local);
        return h;
    }

    [Fact]
    public void Join_during_leaving_is_queued_and_joins_the_new_channel_once_the_server_closes_the_socket()
    {
        var h = JoinedThenLeaving();
        var leaving = h.Checkpoint;

        h.Feed(new JoinRequested("lobby", "A", Blue));
        Assert.Equal(LocalPeerState.Leaving, h.Snapshot.Local);
        h.Feed(new SocketClosed(h.Snapshot.Epoch, CloseCodes.Normal, "left"));
        h.Connect([EngineHarness.Peer("C")]);

        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Equal([(LocalPeerState.Leaving, LocalPeerState.Joining), (LocalPeerState.Joining, LocalPeerState.Joined)], h.LocalChanges(leaving).Select(c => (c.From, c.To)));
        var join = Assert.Single(h.Sent<JoinMessage>(leaving));
        Assert.Equal(("lobby", "blue", (string?)null), (join.Channel, join.Metadata["team"], join.ResumeSessionId));
        Assert.Equal(["C"], h.Snapshot.Remotes.Select(r => r.Id));
        Assert.Empty(h.Errors<ReconnectError>());
        Assert.Empty(h.Since<InputIgnoredNotice>(leaving));
    }

    [Fact]
    public void Join_during_leaving_starts_when_the_leave_times_out()
    {
        var h = JoinedThenLeaving();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));

        h.Advance(h.Engine.Options.LeaveTimeout);

        Assert.Equal(LocalPeerState.Joining, h.Snapshot.Local);
        Assert.Equal(SignallingSocketState.FetchingToken, h.Snapshot.Socket);
        h.Connect([EngineHarness.Peer("B")]);
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Empty(h.Errors<ReconnectError>());
    }

    [Fact]
    public void Of_several_joins_during_leaving_the_latest_wins_and_only_it_is_sent()
    {
        var h = JoinedThenLeaving();
        var leaving = h.Checkpoint;

        h.Feed(new JoinRequested("first", "A", EngineHarness.Meta()));
        h.Feed(new JoinRequested("second", "A", EngineHarness.Meta()));
        h.Feed(new JoinRequested("third", "A", Blue));
        h.Advance(h.Engine.Options.LeaveTimeout);
        h.Connect([]);

        Assert.Equal(["third"], h.Sent<JoinMessage>(leaving).Select(j => j.Channel));
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Empty(h.Errors<ReconnectError>());
    }

    [Fact]
    public void A_blank_join_during_leaving_is_rejected_and_keeps_the_queued_join()
    {
        var h = JoinedThenLeaving();
        var leaving = h.Checkpoint;

        h.Feed(new JoinRequested("lobby", "A", EngineHarness.Meta()));
        h.Feed(new JoinRequested("", "A", EngineHarness.Meta()));
        h.Advance(h.Engine.Options.LeaveTimeout);
        h.Connect([]);

        Assert.Equal(["join without a channel or peer id"], h.Errors<CommandRejected>(leaving).Select(e => e.Command));
        Assert.Equal(["lobby"], h.Sent<JoinMessage>(leaving).Select(j => j.Channel));
    }

    [Fact]
    public void Leave_again_while_a_join_is_queued_forgets_the_join()
    {
        var h = JoinedThenLeaving();
        var leaving = h.Checkpoint;

        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.Feed(new LeaveRequested());
        h.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(LocalPeerState.Idle, h.Snapshot.Local);
        Assert.Empty(h.Since<FetchToken>(leaving));
        Assert.Empty(h.Errors<ReconnectError>());
        Assert.Empty(h.Since<InputIgnoredNotice>(leaving));
    }

    [Fact]
    public void Close_while_a_join_is_queued_ends_closed_and_never_joins()
    {
        var h = JoinedThenLeaving();
        var leaving = h.Checkpoint;

        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.Feed(new CloseRequested());
        h.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(LocalPeerState.Closed, h.Snapshot.Local);
        Assert.Empty(h.Since<FetchToken>(leaving));
        Assert.Empty(h.Since<OpenSocket>(leaving));
        Assert.Empty(h.Errors<ReconnectError>());
        Assert.Empty(h.ArmedTimers);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Leave_then_join_in_the_same_instant_ends_joined(bool socketDown)
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        if (socketDown)
        {
            h.DropSocket();
        }

        var before = h.Checkpoint;
        h.Feed(new LeaveRequested());
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.AwaitAttempt();
        h.Connect([EngineHarness.Peer("B")]);

        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Equal(socketDown ? 0 : 1, h.Sent<LeaveMessage>(before).Count());
        Assert.Null(h.LastSent<JoinMessage>().ResumeSessionId);
        Assert.Empty(h.Errors<ReconnectError>());
    }
}

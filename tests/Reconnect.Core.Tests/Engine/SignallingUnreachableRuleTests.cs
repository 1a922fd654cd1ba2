using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.SignallingSocket;

namespace Reconnect.Core.Tests.Engine;

/// <summary>A port reports an unreachable local network as its own input, not as a close code.</summary>
public sealed class SignallingUnreachableRuleTests
{
    /// <summary>A joined engine whose socket dropped and whose next attempt is connecting (token answered, socket not yet welcomed).</summary>
    private static EngineHarness ConnectingAfterDrop()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();
        Assert.Equal(SignallingSocketState.Connecting, h.Snapshot.Socket);
        return h;
    }

    [Fact]
    public void Unreachable_while_connecting_waits_offline_without_spending_budget()
    {
        var h = ConnectingAfterDrop();
        var failed = h.Snapshot.FailedAttempts;
        var before = h.Checkpoint;

        h.SocketUnreachable();

        Assert.Equal(SignallingSocketState.Offline, h.Snapshot.Socket);
        Assert.Equal(failed, h.Snapshot.FailedAttempts);
        Assert.True(h.IsArmed(TimerKind.OfflineProbe));
        Assert.Empty(h.Since<SocketRetryScheduledNotice>(before));
        Assert.Empty(h.Since<InputIgnoredNotice>(before));
    }

    [Fact]
    public void Unreachable_while_open_reports_the_loss_as_network_unreachable_and_waits_offline_without_spending_budget()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var failed = h.Snapshot.FailedAttempts;
        var before = h.Checkpoint;

        h.SocketUnreachable();

        Assert.Equal(SignallingSocketState.Offline, h.Snapshot.Socket);
        Assert.Equal(LocalPeerState.Reconnecting, h.Snapshot.Local);
        Assert.Equal(failed, h.Snapshot.FailedAttempts);
        Assert.Equal("signalling lost (network_unreachable)", Assert.Single(h.LocalChanges(before)).Reason);
        Assert.Empty(h.Since<CloseSocket>(before));
    }

    [Fact]
    public void Unreachable_for_a_stale_epoch_is_ignored_with_a_reason()
    {
        var h = ConnectingAfterDrop();
        var stale = h.Snapshot.Epoch - 1;
        var before = h.Describe();

        var outputs = h.Feed(new SignallingUnreachable(stale, "late"));

        var ignored = Assert.IsType<InputIgnoredNotice>(Assert.Single(outputs));
        Assert.Equal(($"socket {stale} unreachable", "stale socket epoch"), (ignored.Input, ignored.Reason));
        Assert.Equal(before, h.Describe());
        Assert.Equal(SignallingSocketState.Connecting, h.Snapshot.Socket);
    }

    [Fact]
    public void Unreachable_while_leaving_finishes_the_leave()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.Feed(new LeaveRequested());
        var before = h.Checkpoint;

        h.SocketUnreachable();

        Assert.Equal("the local network dropped the socket after leave", Assert.Single(h.LocalChanges(before)).Reason);
        Assert.Equal(LocalPeerState.Idle, h.Snapshot.Local);
        Assert.Equal(SignallingSocketState.Idle, h.Snapshot.Socket);
    }

    [Fact]
    public void A_first_connect_that_fails_fast_on_an_unreachable_network_names_it_and_carries_no_close_code()
    {
        var h = new EngineHarness(new ReconnectOptions { RetryFirstConnect = false });
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.AnswerToken();

        h.SocketUnreachable();

        var error = Assert.IsType<FirstConnectFailed>(Assert.Single(h.Errors<ReconnectError>()));
        Assert.Equal(((int?)null, "network_unreachable"), (error.Code, error.Reason));
    }

    [Fact]
    public void With_the_probe_off_the_retry_after_an_unreachable_network_names_no_close_code()
    {
        var options = new ReconnectOptions { Backoff = new ReconnectOptions().Backoff with { OfflineProbeInterval = null } };
        var h = new EngineHarness(options).Join("A", "room", EngineHarness.Peer("B"));
        var before = h.Checkpoint;

        h.SocketUnreachable();

        Assert.Equal(SignallingSocketState.WaitingToRetry, h.Snapshot.Socket);
        Assert.Null(Assert.Single(h.Since<SocketRetryScheduledNotice>(before)).CloseCode);
    }
}

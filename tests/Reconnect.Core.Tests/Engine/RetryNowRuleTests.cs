using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class RetryNowRuleTests
{
    private static readonly RosterEntry Bob = EngineHarness.Peer("B", streams: "cam");

    /// <summary>Joined with B connected, then the socket dropped and its reconnects failed until the backoff wait is long.</summary>
    private static EngineHarness InLongSocketBackoff(ReconnectOptions? options = null)
    {
        var h = new EngineHarness(options).Join("A", "room", Bob);
        h.MediaConnected("B");
        h.DropSocket();
        for (var i = 0; i < 6; i++)
        {
            h.FailNextAttempt();
        }

        Assert.True(h.Last<SocketRetryScheduledNotice>().Delay > TimeSpan.FromSeconds(10));
        return h;
    }

    private static InputIgnoredNotice RetryNowIgnored(IEnumerable<EngineOutput> step) =>
        Assert.Single(step.OfType<InputIgnoredNotice>(), n => n.Input == "retry-now");

    [Fact]
    public void Retry_now_during_the_socket_backoff_attempts_at_once_keeping_the_peers_and_the_session()
    {
        var h = InLongSocketBackoff();
        var bob = h.Remote("B");
        var epoch = h.Snapshot.Epoch;
        var session = h.Snapshot.SessionId;

        var step = h.Feed(new RetryNowRequested());

        Assert.Single(step.OfType<FetchToken>());
        Assert.Contains(step, o => o is CancelTimer { Timer.Kind: TimerKind.SocketRetry });
        Assert.False(h.IsArmed(TimerKind.SocketRetry));
        h.AnswerToken();
        Assert.Equal(new OpenSocket(epoch + 1, h.Last<OpenSocket>().Token, null), h.Last<OpenSocket>());
        Assert.Equal(7, h.Last<SocketAttemptStartedNotice>().Attempt);
        h.OpenSocket();
        Assert.Equal(session, h.LastSent<JoinMessage>().ResumeSessionId);
        h.Welcome();
        h.AnswerRoster([Bob]);
        Assert.Equal(bob.Ref, h.Remote("B").Ref);
        Assert.Equal(bob.SessionId, h.Remote("B").SessionId);
        Assert.Empty(h.All<PeerLeftNotice>());
    }

    [Fact]
    public void Retry_now_while_the_local_network_is_unreachable_probes_at_once()
    {
        var h = new EngineHarness().Join("A", "room", Bob);
        h.SocketUnreachable();
        Assert.True(h.IsArmed(TimerKind.OfflineProbe));

        var step = h.Feed(new RetryNowRequested());

        Assert.Contains(step, o => o is CancelTimer { Timer.Kind: TimerKind.OfflineProbe });
        Assert.Single(step.OfType<FetchToken>());
    }

    [Fact]
    public void Retry_now_during_an_ice_restart_ladder_wait_restarts_at_once_and_the_ladder_counts_on()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", Bob);
        h.MediaConnected("B");
        var bob = h.Remote("B").Ref;
        h.Ice("B", IceConnectionState.Failed);
        h.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(5, h.Remote("B").LadderAttempt);

        var step = h.Feed(new RetryNowRequested());

        Assert.Equal(6, Assert.Single(step.OfType<IceRestartStartedNotice>()).Attempt);
        Assert.Equal([new RestartIce("B", 1), new CreateOffer("B", 1)], step.OfType<EngineEffect>().Where(e => e is RestartIce or CreateOffer));
        Assert.Equal(6, h.Remote("B").LadderAttempt);
        Assert.Equal(bob, h.Remote("B").Ref);
        Assert.Equal(h.Now + TimeSpan.FromSeconds(30), h.DueOf(TimerKind.IceRestartDue, "B"));
    }

    [Fact]
    public void Retry_now_while_the_roster_is_late_requests_it_at_once()
    {
        var h = new EngineHarness().Join("A", "room", Bob);
        h.DropSocket();
        h.WelcomeNextAttempt();
        var first = h.LastSent<RosterRequestMessage>().RequestId;
        h.Advance(TimeSpan.FromSeconds(2));

        var step = h.Feed(new RetryNowRequested());

        Assert.Equal(first + 1, Assert.Single(step.OfType<SendMessage>().Select(s => s.Message).OfType<RosterRequestMessage>()).RequestId);
        Assert.Equal(h.Now + TimeSpan.FromSeconds(10), h.DueOf(TimerKind.ReconcileDeadline));
        h.AnswerRoster([Bob]);
        Assert.Equal(ReconcileState.Done, h.Snapshot.Reconcile);
    }

    [Fact]
    public void Retry_now_with_nothing_waiting_is_ignored_with_the_reason()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", Bob);
        h.MediaConnected("B");

        var step = h.Feed(new RetryNowRequested());

        Assert.Contains("nothing is waiting", RetryNowIgnored(step).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(step, o => o is StartTimer or CancelTimer or FetchToken or SendMessage);
    }

    [Fact]
    public void Retry_now_within_the_min_interval_of_the_last_taken_is_refused_naming_when_the_next_is_taken()
    {
        var h = InLongSocketBackoff();
        h.Feed(new RetryNowRequested());
        var takenAt = h.Now;
        h.AnswerToken();
        h.OpenSocket();
        h.DropSocket();
        h.Advance(TimeSpan.FromSeconds(4.999));
        Assert.True(h.IsArmed(TimerKind.SocketRetry));

        var refused = h.Feed(new RetryNowRequested());

        Assert.Equal($"rate-limited: the next retry-now is taken at {takenAt + TimeSpan.FromSeconds(5)}", RetryNowIgnored(refused).Reason);
        Assert.True(h.IsArmed(TimerKind.SocketRetry));
        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Single(h.Feed(new RetryNowRequested()).OfType<FetchToken>());
    }

    [Fact]
    public void Still_reconnecting_says_when_retry_now_is_taken()
    {
        var h = new EngineHarness(new ReconnectOptions { RetryNowMinInterval = TimeSpan.FromMinutes(1) }).Join("A", "room", Bob);
        h.DropSocket();
        h.Feed(new RetryNowRequested());

        h.AdvanceUntil<StillReconnectingNotice>(TimeSpan.FromMinutes(1));

        Assert.Equal(new StillReconnectingNotice(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)), h.Last<StillReconnectingNotice>());
    }
}

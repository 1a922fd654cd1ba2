using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class SocketBackoffRuleTests
{
    private static double Base(int retry) => Math.Min(500 * Math.Pow(2, retry - 1), 30_000);

    /// <summary>Joins, drops, then fails every reconnect attempt before its welcome, <paramref name="failures"/> times.</summary>
    private static EngineHarness FailReconnects(int failures, ulong seed = 1)
    {
        var h = new EngineHarness(seed: seed).Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        for (var i = 0; i < failures && h.Snapshot.Local != LocalPeerState.Closed; i++)
        {
            h.AwaitAttempt();
            h.AnswerToken();
            h.OpenSocket();
            h.DropSocket();
        }

        return h;
    }

    [Fact]
    public void First_retry_waits_400_to_600_ms_and_each_later_retry_doubles_up_to_a_30_s_cap_within_20_percent()
    {
        var h = FailReconnects(14);

        var delays = h.All<SocketRetryScheduledNotice>().Select(r => r.Delay.TotalMilliseconds).ToList();

        Assert.Equal(15, delays.Count);
        Assert.InRange(delays[0], 400, 600);
        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i], Base(i + 1) * 0.8, Base(i + 1) * 1.2);
        }

        Assert.Equal(Enumerable.Range(1, 15), h.All<SocketRetryScheduledNotice>().Select(r => r.Attempt));
    }

    [Fact]
    public void Jitter_applies_to_every_retry_the_first_included()
    {
        var firstDelays = Enumerable.Range(1, 8).Select(seed => FailReconnects(0, (ulong)seed).Last<SocketRetryScheduledNotice>().Delay).ToList();
        var cappedDelays = FailReconnects(14).All<SocketRetryScheduledNotice>().Skip(8).Select(r => r.Delay).ToList();

        Assert.True(firstDelays.Distinct().Count() > 1, $"first retries did not vary: {string.Join(", ", firstDelays)}");
        Assert.True(cappedDelays.Distinct().Count() > 1, $"capped retries did not vary: {string.Join(", ", cappedDelays)}");
    }

    [Fact]
    public void Budget_of_100_failed_attempts_ends_in_ReconnectAttemptsExhausted_and_local_closed()
    {
        var h = FailReconnects(200);

        var exhausted = Assert.Single(h.Errors<ReconnectAttemptsExhausted>());
        Assert.Equal(100, exhausted.Attempts);
        Assert.Equal(100, h.All<SocketAttemptStartedNotice>().Count(a => a.Epoch > 1));
        Assert.Equal(100, h.All<SocketRetryScheduledNotice>().Count());
        Assert.Equal(LocalPeerState.Closed, h.Snapshot.Local);
        Assert.Equal(LocalPeerState.Closed, h.LocalChanges().Last().To);
        Assert.Equal(SignallingSocketState.Closed, h.Snapshot.Socket);
    }

    [Fact]
    public void After_the_budget_is_spent_no_token_is_fetched_and_no_socket_opened_ever_again()
    {
        var h = FailReconnects(200);
        var closed = h.Checkpoint;

        h.Feed(new NetworkChanged(NetworkChange.Online));
        h.Advance(TimeSpan.FromHours(1));

        Assert.Empty(h.Since<FetchToken>(closed));
        Assert.Empty(h.Since<OpenSocket>(closed));
        Assert.Empty(h.ArmedTimers);
    }

    [Fact]
    public void A_welcome_ends_the_run_of_failures_at_once()
    {
        var h = FailReconnects(3);
        Assert.Equal(3, h.Snapshot.FailedAttempts);

        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal(0, h.Snapshot.FailedAttempts);
        h.DropSocket();
        Assert.Equal(1, h.Last<SocketRetryScheduledNotice>().Attempt);
    }

    [Fact]
    public void A_drop_after_a_welcome_is_a_flap_that_spends_no_budget_and_is_forgotten_after_the_stable_window()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        Assert.Equal(0, h.Snapshot.FailedAttempts);
        Assert.InRange(h.Last<SocketRetryScheduledNotice>().Delay.TotalMilliseconds, 400, 600);
        h.Reconnect(EngineHarness.Peer("B"));

        h.DropSocket();
        Assert.InRange(h.Last<SocketRetryScheduledNotice>().Delay.TotalMilliseconds, 800, 1_200);
        Assert.Contains(CoverageMarks.FlapDamped, h.Engine.Coverage.Keys);
        h.Reconnect(EngineHarness.Peer("B"));

        h.Advance(h.Engine.Options.Backoff.StableWindow);
        Assert.Contains(CoverageMarks.FlapsForgotten, h.Engine.Coverage.Keys);
        h.DropSocket();
        Assert.InRange(h.Last<SocketRetryScheduledNotice>().Delay.TotalMilliseconds, 400, 600);
    }

    [Fact]
    public void Flapping_link_that_drops_5_s_after_each_welcome_is_damped_up_to_the_cap_and_never_gives_up()
    {
        var options = new ReconnectOptions { Backoff = new SocketBackoffOptions { MaxAttempts = 3 } };
        var h = new EngineHarness(options).Join("A", "room", EngineHarness.Peer("B"));
        for (var cycle = 0; cycle < 200; cycle++)
        {
            h.Advance(TimeSpan.FromSeconds(5));
            h.DropSocket();
            h.Reconnect(EngineHarness.Peer("B"));
            Assert.Equal(0, h.Snapshot.FailedAttempts);
        }

        var delays = h.All<SocketRetryScheduledNotice>().Select(r => r.Delay.TotalMilliseconds).ToList();
        Assert.Equal(200, delays.Count);
        for (var i = 0; i < delays.Count; i++)
        {
            Assert.InRange(delays[i], Base(i + 1) * 0.8, Base(i + 1) * 1.2);
        }

        Assert.Empty(h.Errors<ReconnectError>());
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.DoesNotContain(CoverageMarks.FlapsForgotten, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Flaps_do_not_spend_the_budget_but_failed_attempts_after_them_still_exhaust_it()
    {
        var options = new ReconnectOptions { Backoff = new SocketBackoffOptions { MaxAttempts = 3 } };
        var h = new EngineHarness(options).Join("A", "room", EngineHarness.Peer("B"));
        for (var cycle = 0; cycle < 10; cycle++)
        {
            h.DropSocket();
            h.Reconnect(EngineHarness.Peer("B"));
        }

        h.DropSocket();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            h.AwaitAttempt();
            h.AnswerToken();
            h.OpenSocket();
            h.DropSocket();
        }

        Assert.Equal(3, Assert.Single(h.Errors<ReconnectAttemptsExhausted>()).Attempts);
        Assert.Equal(LocalPeerState.Closed, h.Snapshot.Local);
        Assert.Equal(SignallingSocketState.Closed, h.Snapshot.Socket);
    }

    [Fact]
    public void Failed_token_fetches_spend_the_budget_too_and_close_the_socket_for_good()
    {
        var options = new ReconnectOptions { Backoff = new SocketBackoffOptions { MaxAttempts = 3 } };
        var h = new EngineHarness(options).Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            h.Feed(new TokenFetchFailed(h.AwaitAttempt().Attempt, "provider down"));
        }

        var closed = h.Checkpoint;
        h.Advance(TimeSpan.FromHours(1));

        Assert.Equal(3, Assert.Single(h.Errors<ReconnectAttemptsExhausted>()).Attempts);
        Assert.Equal((LocalPeerState.Closed, SignallingSocketState.Closed), (h.Snapshot.Local, h.Snapshot.Socket));
        Assert.Empty(h.Since<FetchToken>(closed));
        Assert.DoesNotContain(h.All<OpenSocket>(), o => o.Epoch > 1);
    }

    [Fact]
    public void Going_away_retry_after_floors_the_next_delay()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));

        h.ServerSends(new GoingAwayMessage(5_000));
        h.DropSocket(CloseCodes.GoingAway);

        var retry = h.Last<SocketRetryScheduledNotice>();
        Assert.Equal(TimeSpan.FromSeconds(5), retry.Delay);
        Assert.Equal(CloseCodes.GoingAway, retry.CloseCode);
        Assert.Equal(TimeSpan.FromSeconds(5), h.DueOf(TimerKind.SocketRetry) - h.Now);
        Assert.Contains(CoverageMarks.ServerHintFloor, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Going_away_hint_that_has_passed_does_not_floor_the_delay()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));

        h.ServerSends(new GoingAwayMessage(1_000));
        h.Advance(TimeSpan.FromSeconds(2));
        h.DropSocket(CloseCodes.GoingAway);

        Assert.InRange(h.Last<SocketRetryScheduledNotice>().Delay.TotalMilliseconds, 400, 600);
    }

    [Fact]
    public void Over_capacity_4006_floors_the_next_delay_at_30_s_and_only_the_next()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));

        h.DropSocket(CloseCodes.OverCapacity);
        Assert.Equal(TimeSpan.FromSeconds(30), h.Last<SocketRetryScheduledNotice>().Delay);

        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.DropSocket();
        Assert.InRange(h.Last<SocketRetryScheduledNotice>().Delay.TotalMilliseconds, 800, 1_200);
    }

    [Fact]
    public void Capacity_floor_is_configurable()
    {
        var options = new ReconnectOptions { Backoff = new SocketBackoffOptions { CapacityFloor = TimeSpan.FromSeconds(45) } };
        var h = new EngineHarness(options).Join("A", "room");

        h.DropSocket(CloseCodes.OverCapacity);

        Assert.Equal(TimeSpan.FromSeconds(45), h.Last<SocketRetryScheduledNotice>().Delay);
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class GraceRuleTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Ping = new HeartbeatOptions().PingInterval;
    private static readonly TimeSpan CappedDelay = TimeSpan.FromSeconds(2) * 1.2;

    /// <summary>Joins under a server announcing <paramref name="grace"/>, drops, then fails every attempt before its welcome for <paramref name="span"/>.</summary>
    private static EngineHarness FailReconnectsFor(TimeSpan span, TimeSpan? grace, ReconnectOptions? options = null)
    {
        var h = new EngineHarness(options) { AnnouncedGrace = grace }.Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        var until = h.Now + span;
        while (h.Now < until && h.Snapshot.Local != LocalPeerState.Closed)
        {
            h.FailNextAttempt();
        }

        return h;
    }

    [Fact]
    public void While_the_session_may_still_be_resumed_retries_come_at_most_2_s_apart_jittered()
    {
        var h = FailReconnectsFor(Ping + Grace + TimeSpan.FromSeconds(60), Grace);
        var lostAt = h.Timed<LocalStateChangedNotice>().First(c => c.Output.To == LocalPeerState.Reconnecting).At;

        var inWindow = h.Timed<SocketRetryScheduledNotice>().Where(r => r.At < lostAt + Ping + Grace).Select(r => r.Output.Delay).ToList();
        var after = h.Timed<SocketRetryScheduledNotice>().Where(r => r.At >= lostAt + Ping + Grace).Select(r => r.Output.Delay).ToList();

        Assert.True(inWindow.Count > 10, $"only {inWindow.Count} retries in the window");
        Assert.All(inWindow, d => Assert.InRange(d, TimeSpan.Zero, CappedDelay));
        Assert.Contains(after, d => d > CappedDelay);
    }

    [Fact]
    public void Without_an_announced_grace_the_backoff_grows_as_before()
    {
        var h = FailReconnectsFor(TimeSpan.FromSeconds(40), grace: null);

        Assert.Contains(h.All<SocketRetryScheduledNotice>(), r => r.Delay > TimeSpan.FromSeconds(6));
    }

    [Fact]
    public void The_resume_window_cap_is_configurable()
    {
        var options = new ReconnectOptions { Backoff = new SocketBackoffOptions { ResumeWindowMaxDelay = TimeSpan.FromSeconds(5) } };

        var h = FailReconnectsFor(TimeSpan.FromSeconds(40), Grace, options);

        var delays = h.All<SocketRetryScheduledNotice>().Select(r => r.Delay).ToList();
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(6)));
        Assert.Contains(delays, d => d > CappedDelay);
    }

    [Fact]
    public void The_offline_probe_is_capped_too_while_the_session_may_be_resumed()
    {
        var options = new ReconnectOptions { Backoff = new SocketBackoffOptions { OfflineProbeInterval = TimeSpan.FromSeconds(30) } };
        var h = new EngineHarness(options) { AnnouncedGrace = Grace }.Join("A", "room");
        h.SocketUnreachable();
        var gaps = h.OfflineProbeGaps(8);

        Assert.All(gaps, g => Assert.InRange(g, TimeSpan.Zero, CappedDelay));
    }

    [Fact]
    public void A_retry_hint_is_cut_to_the_outage_the_announced_grace_lets_the_peer_survive()
    {
        var h = new EngineHarness { AnnouncedGrace = Grace }.Join("A", "room", EngineHarness.Peer("B"));

        h.ServerSends(new GoingAwayMessage(600_000));
        h.DropSocket(CloseCodes.ServiceRestart);

        Assert.Equal(OutageGuarantee.Survivable(h.Engine.Options, Grace), h.Last<SocketRetryScheduledNotice>().Delay);
        Assert.Equal(TimeSpan.FromSeconds(31.6), h.Last<SocketRetryScheduledNotice>().Delay);
    }

    [Fact]
    public void A_retry_hint_shorter_than_the_guarantee_is_honoured_as_given()
    {
        var h = new EngineHarness { AnnouncedGrace = Grace }.Join("A", "room", EngineHarness.Peer("B"));

        h.ServerSends(new GoingAwayMessage(20_000));
        h.DropSocket(CloseCodes.ServiceRestart);

        Assert.Equal(TimeSpan.FromSeconds(20), h.Last<SocketRetryScheduledNotice>().Delay);
    }

    [Fact]
    public void The_join_announces_the_ping_interval()
    {
        var h = new EngineHarness().Join("A", "room");

        Assert.Equal((long)Ping.TotalMilliseconds, h.LastSent<JoinMessage>().PingIntervalMs);
    }

    [Fact]
    public void A_welcome_with_a_grace_that_is_not_positive_is_reported_and_the_grace_taken_as_unknown()
    {
        var h = new EngineHarness();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.AnswerToken();
        h.OpenSocket();

        var welcome = h.ServerSends(new WelcomeMessage("A", "s1", Resumed: false, SilenceGraceMs: 0));
        h.AnswerRoster([]);
        h.ServerSends(new GoingAwayMessage(600_000));
        h.DropSocket(CloseCodes.ServiceRestart);

        Assert.IsType<ProtocolViolation>(Assert.Single(welcome.OfType<ErrorRaisedNotice>()).Error);
        Assert.Equal(LocalPeerState.Reconnecting, h.Snapshot.Local);
        Assert.Equal(TimeSpan.FromMinutes(10), h.Last<SocketRetryScheduledNotice>().Delay);
    }

    [Fact]
    public void A_terminal_close_answering_a_resume_raises_the_terminal_error_closes_and_never_rejoins()
    {
        var h = new EngineHarness { AnnouncedGrace = Grace }.Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        Assert.NotNull(h.LastSent<JoinMessage>().ResumeSessionId);
        var resumed = h.Checkpoint;

        h.DropSocket(CloseCodes.AdminDisconnect);
        h.Advance(TimeSpan.FromHours(1));

        Assert.Equal(new TerminalCloseError(CloseCodes.AdminDisconnect, "admin_disconnect", "dropped"), Assert.Single(h.Errors<ReconnectError>(resumed)));
        Assert.Equal(LocalPeerState.Closed, h.Snapshot.Local);
        Assert.Empty(h.Since<FetchToken>(resumed));
        Assert.Empty(h.Sent<JoinMessage>(resumed));
    }
}

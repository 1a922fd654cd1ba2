using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// Escalation instead of giving up: once a remote peer's ICE restart ladder is spent, a fresh connection, then a socket
/// resume, then a rejoin as a new session, each only when the one before did not heal within its bound; then a new
/// round, until the rounds are spent. The ladder here is short: attempts at 0 s and 1 s, the last timing out at 6 s.
/// </summary>
public sealed class EscalationRuleTests
{
    private static readonly TimeSpan Exhausted = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan FreshBound = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ResumeBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RejoinBound = TimeSpan.FromSeconds(30);

    private static readonly ReconnectOptions ShortLadder = EngineHarness.LongLivedSocket with
    {
        IceRestart = new IceRestartLadderOptions { Delays = [TimeSpan.Zero, TimeSpan.FromSeconds(1)], AttemptTimeout = TimeSpan.FromSeconds(5) },
    };

    private static EngineHarness ConnectedTo(ReconnectOptions options, params string[] remotes)
    {
        var h = new EngineHarness(options).Join("A", "room", [.. remotes.Select(r => EngineHarness.Peer(r))]);
        foreach (var remote in remotes)
        {
            h.MediaConnected(remote);
        }

        return h;
    }

    /// <summary>B's media failed and its ladder ran out: the fresh connection is the step under way.</summary>
    private static EngineHarness Exhausting(ReconnectOptions? options = null, params string[] others)
    {
        var h = ConnectedTo(options ?? ShortLadder, ["B", .. others]);
        h.Ice("B", IceConnectionState.Failed);
        h.Advance(Exhausted);
        return h;
    }

    /// <summary>B stands at the given step with the signalling up (a socket the step dropped is back, B still in the roster).</summary>
    private static EngineHarness AtStep(EscalationStepKind step, ReconnectOptions? options = null)
    {
        var h = Exhausting(options);
        if (step == EscalationStepKind.FreshConnection)
        {
            return h;
        }

        h.Advance(FreshBound);
        h.Reconnect(EngineHarness.Peer("B"));
        if (step == EscalationStepKind.SocketResume)
        {
            return h;
        }

        h.Advance(ResumeBound - (h.Now - h.Timed<EscalationStepNotice>().Last().At));
        h.Reconnect(EngineHarness.Peer("B"));
        return h;
    }

    private static List<(EscalationStepKind Step, int Round, bool Taken)> Steps(EngineHarness h, int checkpoint = 0) =>
        [.. h.Since<EscalationStepNotice>(checkpoint).Where(n => n.RemotePeerId == "B").Select(n => (n.Step, n.Round, n.Taken))];

    [Fact]
    public void A_spent_ladder_raises_IceRestartExhausted_and_takes_a_fresh_connection_under_the_same_RemotePeer()
    {
        var h = ConnectedTo(ShortLadder, "B");
        var identity = (h.Remote("B").Ref, h.Remote("B").SessionId, h.Remote("B").Metadata);
        h.Ice("B", IceConnectionState.Failed);
        h.Advance(Exhausted - TimeSpan.FromMilliseconds(1));
        Assert.Empty(h.All<EscalationStepNotice>());
        var before = h.Checkpoint;

        h.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new IceRestartExhausted("B", 2), Assert.Single(h.Errors<ReconnectError>()));
        Assert.Equal([(EscalationStepKind.FreshConnection, 1, true)], Steps(h));
        Assert.Equal(new CloseConnection("B", 1), Assert.Single(h.Since<CloseConnection>(before)));
        Assert.Equal(2, Assert.Single(h.Since<CreateConnection>(before)).Generation);
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Equal(identity, (h.Remote("B").Ref, h.Remote("B").SessionId, h.Remote("B").Metadata));
        Assert.True(h.IsArmed(TimerKind.EscalationBound, "B"));
        Assert.Equal(h.Now + FreshBound, h.DueOf(TimerKind.EscalationBound, "B"));
        Assert.False(h.IsArmed(TimerKind.IceAttemptTimeout, "B"));
        Assert.Contains(CoverageMarks.EscalationFreshConnection, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void An_ice_failure_on_the_last_attempt_escalates_at_once()
    {
        var h = ConnectedTo(ShortLadder, "B");
        h.Ice("B", IceConnectionState.Failed);
        h.Advance(TimeSpan.FromSeconds(1));

        h.Ice("B", IceConnectionState.Failed);

        Assert.Equal(2, Assert.Single(h.Errors<IceRestartExhausted>()).Attempts);
        Assert.Equal([(EscalationStepKind.FreshConnection, 1, true)], Steps(h));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.False(h.IsArmed(TimerKind.IceAttemptTimeout, "B"));
    }

    [Fact]
    public void Ice_failures_and_rebuilds_during_a_step_wait_for_its_bound()
    {
        var h = Exhausting();
        var step = h.Checkpoint;

        h.Ice("B", IceConnectionState.Failed);
        h.Ice("B", IceConnectionState.Disconnected);
        h.Advance(FreshBound - TimeSpan.FromMilliseconds(1));

        Assert.Empty(h.Since<IceRestartStartedNotice>(step));
        Assert.Empty(h.Since<EscalationStepNotice>(step));
        Assert.Empty(h.Since<CloseSocket>(step));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
    }

    [Fact]
    public void A_fresh_connection_not_connected_within_its_bound_resumes_the_socket_and_the_reconcile_rebuilds_the_peer()
    {
        var h = Exhausting(ShortLadder, "C");
        var reference = h.Remote("B").Ref;
        var session = h.LastSent<JoinMessage>().ResumeSessionId ?? "session-A-1";
        h.Advance(FreshBound - TimeSpan.FromMilliseconds(1));
        var before = h.Checkpoint;

        h.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal([(EscalationStepKind.SocketResume, 1, true)], Steps(h, before));
        Assert.Equal(CloseCodes.Normal, Assert.Single(h.Since<CloseSocket>(before)).Code);
        Assert.Equal(LocalPeerState.Reconnecting, h.Snapshot.Local);
        Assert.Equal(h.Now + ResumeBound, h.DueOf(TimerKind.EscalationBound, "B"));
        h.Reconnect(EngineHarness.Peer("B"), EngineHarness.Peer("C"));
        Assert.Equal(session, h.LastSent<JoinMessage>().ResumeSessionId);
        Assert.Equal((3, reference), (h.Remote("B").Generation, h.Remote("B").Ref));
        Assert.Equal(1, h.Remote("C").Generation);
        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.True(h.IsArmed(TimerKind.EscalationBound, "B"));
    }

    [Fact]
    public void A_socket_resume_is_not_made_while_the_socket_is_down_and_its_bound_runs_anyway()
    {
        var h = Exhausting();
        h.DropSocket();
        var before = h.Checkpoint;

        h.Advance(FreshBound);

        Assert.Equal([(EscalationStepKind.SocketResume, 1, false)], Steps(h, before));
        Assert.Empty(h.Since<CloseSocket>(before));
        Assert.True(h.IsArmed(TimerKind.EscalationBound, "B"));
    }

    [Fact]
    public void A_second_socket_resume_within_the_minimum_interval_is_not_made()
    {
        var h = ConnectedTo(ShortLadder, "B", "C");
        h.Ice("B", IceConnectionState.Failed);
        h.Advance(TimeSpan.FromSeconds(10));
        h.Ice("C", IceConnectionState.Failed);
        h.Advance(Exhausted + FreshBound - TimeSpan.FromSeconds(10));
        Assert.Equal([(EscalationStepKind.FreshConnection, 1, true), (EscalationStepKind.SocketResume, 1, true)], Steps(h));
        h.Reconnect(EngineHarness.Peer("B"), EngineHarness.Peer("C"));
        var before = h.Checkpoint;

        h.Advance(TimeSpan.FromSeconds(10) - (h.Now - h.Timed<EscalationStepNotice>().Last().At));

        var skipped = Assert.Single(h.Since<EscalationStepNotice>(before));
        Assert.Equal(("C", EscalationStepKind.SocketResume, false), (skipped.RemotePeerId, skipped.Step, skipped.Taken));
        Assert.Contains("next is allowed", skipped.Detail, StringComparison.Ordinal);
        Assert.Empty(h.Since<CloseSocket>(before));
    }

    [Fact]
    public void A_socket_resume_that_does_not_heal_within_its_bound_rejoins_as_a_new_session_keeping_every_RemotePeer()
    {
        var h = ConnectedTo(ShortLadder, "B", "C");
        var refs = (h.Remote("B").Ref, h.Remote("C").Ref);
        h.Ice("B", IceConnectionState.Failed);
        h.Advance(Exhausted + FreshBound);
        h.Reconnect(EngineHarness.Peer("B"), EngineHarness.Peer("C"));
        var before = h.Checkpoint;

        h.Advance(ResumeBound - (h.Now - h.Timed<EscalationStepNotice>().Last().At));

        Assert.Equal([(EscalationStepKind.Rejoin, 1, true)], Steps(h, before));
        Assert.Single(h.Since<CloseSocket>(before));
        h.Reconnect(EngineHarness.Peer("B"), EngineHarness.Peer("C"));
        Assert.Null(h.LastSent<JoinMessage>().ResumeSessionId);
        Assert.Equal(2, h.Remote("C").Generation);
        Assert.Equal(refs, (h.Remote("B").Ref, h.Remote("C").Ref));
        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Single(h.All<PeerJoinedNotice>(), p => p.Peer.PeerId == "B");
        Assert.Equal(h.Timed<EscalationStepNotice>().Last().At + RejoinBound, h.DueOf(TimerKind.EscalationBound, "B"));
        Assert.Contains(CoverageMarks.EscalationRejoin, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void A_rejoin_that_does_not_heal_starts_a_new_round_with_a_new_ice_restart_ladder()
    {
        var h = AtStep(EscalationStepKind.Rejoin);
        var before = h.Checkpoint;

        h.Advance(RejoinBound - (h.Now - h.Timed<EscalationStepNotice>().Last().At));

        Assert.Equal([(EscalationStepKind.IceRestart, 2, true)], Steps(h, before));
        Assert.Equal(1, Assert.Single(h.Since<IceRestartStartedNotice>(before)).Attempt);
        Assert.False(h.IsArmed(TimerKind.EscalationBound, "B"));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        var round2 = h.Checkpoint;

        h.Advance(Exhausted);

        Assert.Equal([(EscalationStepKind.FreshConnection, 2, true)], Steps(h, round2));
        Assert.Equal(2, h.Errors<IceRestartExhausted>().Count());
    }

    [Fact]
    public void A_new_round_with_the_signalling_down_defers_its_first_attempt()
    {
        var h = AtStep(EscalationStepKind.Rejoin);
        h.DropSocket();
        var before = h.Checkpoint;

        h.Advance(RejoinBound - (h.Now - h.Timed<EscalationStepNotice>().Last().At));

        Assert.Equal([(EscalationStepKind.IceRestart, 2, true)], Steps(h, before));
        Assert.Empty(h.Since<IceRestartStartedNotice>(before));
        Assert.Contains(CoverageMarks.LadderDeferred, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void A_rejoin_within_its_minimum_interval_is_not_made()
    {
        var h = AtStep(EscalationStepKind.Rejoin);
        h.Advance(RejoinBound - (h.Now - h.Timed<EscalationStepNotice>().Last().At) + Exhausted + FreshBound);
        h.Reconnect(EngineHarness.Peer("B"));
        var before = h.Checkpoint;

        h.Advance(ResumeBound - (h.Now - h.Timed<EscalationStepNotice>().Last().At));

        Assert.Equal([(EscalationStepKind.Rejoin, 2, false)], Steps(h, before));
        Assert.Empty(h.Since<CloseSocket>(before));
    }

    [Fact]
    public void Once_every_round_is_spent_the_peer_is_closed_with_EscalationExhausted_and_does_not_leave()
    {
        var h = AtStep(EscalationStepKind.Rejoin, ShortLadder with { Escalation = new EscalationOptions { Rounds = 1 } });
        var reference = h.Remote("B").Ref;
        var generation = h.Remote("B").Generation;
        var before = h.Checkpoint;

        h.Advance(RejoinBound - (h.Now - h.Timed<EscalationStepNotice>().Last().At));

        Assert.Equal(new EscalationExhausted("B", 1), Assert.Single(h.Errors<ReconnectError>(before)));
        Assert.Equal((RemotePeerState.Closed, reference), (h.Remote("B").State, h.Remote("B").Ref));
        Assert.Equal(new CloseConnection("B", generation), Assert.Single(h.Since<CloseConnection>(before)));
        Assert.Empty(h.Since<EscalationStepNotice>(before));
        Assert.DoesNotContain(h.ArmedTimers, t => t.Id.Owner == "B");
        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
    }

    [Theory]
    [InlineData(EscalationStepKind.FreshConnection)]
    [InlineData(EscalationStepKind.SocketResume)]
    [InlineData(EscalationStepKind.Rejoin)]
    public void A_peer_that_leaves_during_a_step_is_removed_at_once(EscalationStepKind step)
    {
        var h = AtStep(step);
        var reference = h.Remote("B").Ref;
        var before = h.Checkpoint;

        h.ServerSends(new PeerLeftMessage("B", "session-B", "left"));

        Assert.Equal(new PeerLeftNotice("B", reference, "left"), Assert.Single(h.Since<PeerLeftNotice>(before)));
        Assert.DoesNotContain(h.Snapshot.Remotes, r => r.Id == "B");
        Assert.DoesNotContain(h.ArmedTimers, t => t.Id.Owner == "B");
        h.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(h.Since<EscalationStepNotice>(before));
    }

    [Theory]
    [InlineData(EscalationStepKind.FreshConnection)]
    [InlineData(EscalationStepKind.SocketResume)]
    [InlineData(EscalationStepKind.Rejoin)]
    public void Media_connected_during_a_step_ends_the_escalation(EscalationStepKind step)
    {
        var h = AtStep(step);
        var reference = h.Remote("B").Ref;
        var before = h.Checkpoint;

        h.MediaConnected("B");

        Assert.Equal((RemotePeerState.Connected, reference), (h.Remote("B").State, h.Remote("B").Ref));
        Assert.False(h.IsArmed(TimerKind.EscalationBound, "B"));
        h.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(h.Since<EscalationStepNotice>(before));
        Assert.Empty(h.Since<CloseSocket>(before));
        Assert.Contains(CoverageMarks.EscalationHealed, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void A_heal_in_a_later_round_forgets_the_rounds_spent()
    {
        var h = AtStep(EscalationStepKind.Rejoin, ShortLadder with { Escalation = new EscalationOptions { Rounds = 2 } });
        h.Advance(RejoinBound - (h.Now - h.Timed<EscalationStepNotice>().Last().At));
        Assert.Equal(EscalationStepKind.IceRestart, h.All<EscalationStepNotice>().Last().Step);
        h.MediaConnected("B");
        var healed = h.Checkpoint;

        h.Ice("B", IceConnectionState.Failed);
        h.Advance(Exhausted);

        Assert.Equal([(EscalationStepKind.FreshConnection, 1, true)], Steps(h, healed));
    }

    [Fact]
    public void Without_escalation_a_spent_ladder_closes_the_peer_with_IceRestartExhausted()
    {
        var h = Exhausting(ShortLadder with { Escalation = new EscalationOptions { Rounds = 0 } });

        Assert.Equal(new IceRestartExhausted("B", 2), Assert.Single(h.Errors<ReconnectError>()));
        Assert.Equal(RemotePeerState.Closed, h.Remote("B").State);
        Assert.Empty(h.All<EscalationStepNotice>());
        Assert.Empty(h.All<PeerLeftNotice>());
    }

    [Fact]
    public void Without_escalation_an_ice_failure_on_the_last_attempt_closes_the_peer_at_once()
    {
        var h = ConnectedTo(ShortLadder with { Escalation = new EscalationOptions { Rounds = 0 } }, "B");
        h.Ice("B", IceConnectionState.Failed);
        h.Advance(TimeSpan.FromSeconds(1));

        h.Ice("B", IceConnectionState.Failed);

        Assert.Equal(new IceRestartExhausted("B", 2), Assert.Single(h.Errors<ReconnectError>()));
        Assert.Equal(RemotePeerState.Closed, h.Remote("B").State);
    }

    [Fact]
    public void Escalation_options_out_of_range_are_rejected()
    {
        var bad = new ReconnectOptions
        {
            Escalation = new EscalationOptions
            {
                FreshConnectionBound = TimeSpan.Zero,
                SocketResumeBound = TimeSpan.Zero,
                RejoinBound = TimeSpan.Zero,
                SocketResumeMinInterval = TimeSpan.Zero,
                RejoinMinInterval = TimeSpan.Zero,
                Rounds = -1,
            },
        };

        var failures = new ReconnectOptionsValidator().Validate(null, bad).Failures ?? [];

        Assert.Equal(6, failures.Count(f => f.StartsWith("Escalation.", StringComparison.Ordinal)));
    }
}

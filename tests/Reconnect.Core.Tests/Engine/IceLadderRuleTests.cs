using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Core.Tests.Engine;

public sealed class IceLadderRuleTests
{
    private static readonly double[] AttemptOffsets = [0, 1, 3, 7, 15, 31, 61, 91, 121];

    private static EngineHarness ConnectedTo(params string[] remotes)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", [.. remotes.Select(r => EngineHarness.Peer(r))]);
        foreach (var remote in remotes)
        {
            NegotiationPaths.Establish(h, polite: false, remote);
            h.MediaConnected(remote);
        }

        return h;
    }

    private static List<double> AttemptTimes(EngineHarness h, string remote, Instant since) =>
        [.. h.Timed<IceRestartStartedNotice>().Where(x => x.Output.RemotePeerId == remote && x.At >= since).Select(x => (x.At - since).TotalSeconds)];

    [Fact]
    public void Failed_ice_restarts_at_once_then_after_1_2_4_8_16_30_30_30_s()
    {
        var h = ConnectedTo("B");
        var failedAt = h.Now;

        h.Ice("B", IceConnectionState.Failed);
        h.Advance(TimeSpan.FromSeconds(130));

        Assert.Equal(AttemptOffsets, AttemptTimes(h, "B", failedAt));
        Assert.Equal(Enumerable.Range(1, 9), h.All<IceRestartStartedNotice>().Select(s => s.Attempt));
        Assert.Equal(h.All<CreateOffer>().Skip(1), h.RestartOffers());
    }

    [Fact]
    public void Last_attempt_unanswered_for_15_s_raises_IceRestartExhausted_and_escalates_only_that_remote()
    {
        var h = ConnectedTo("B", "C");
        var failedAt = h.Now;

        h.Ice("B", IceConnectionState.Failed);
        h.Advance(TimeSpan.FromSeconds(135.999));
        Assert.Empty(h.Errors<IceRestartExhausted>());

        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(new IceRestartExhausted("B", 9), Assert.Single(h.Errors<ReconnectError>()));
        Assert.Equal(TimeSpan.FromSeconds(136), h.Timed<ErrorRaisedNotice>().Single().At - failedAt);
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Equal(EscalationStepKind.FreshConnection, Assert.Single(h.All<EscalationStepNotice>()).Step);
        Assert.Contains(new CloseConnection("B", 1), h.All<CloseConnection>());
        Assert.Equal(RemotePeerState.Connected, h.Remote("C").State);
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Empty(h.All<PeerLeftNotice>());
    }

    [Fact]
    public void Ice_failure_on_the_last_attempt_escalates_at_once()
    {
        var h = ConnectedTo("B");
        h.Ice("B", IceConnectionState.Failed);
        h.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal(9, h.Remote("B").LadderAttempt);

        h.Ice("B", IceConnectionState.Failed);

        Assert.Equal(9, Assert.Single(h.Errors<IceRestartExhausted>()).Attempts);
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Equal(EscalationStepKind.FreshConnection, Assert.Single(h.All<EscalationStepNotice>()).Step);
    }

    [Fact]
    public void Ice_failure_while_the_ladder_runs_waits_for_the_next_due_attempt()
    {
        var h = ConnectedTo("B");
        h.Ice("B", IceConnectionState.Failed);
        var before = h.Checkpoint;

        h.Ice("B", IceConnectionState.Failed);
        h.Ice("B", IceConnectionState.Disconnected);

        Assert.Empty(h.Since<IceRestartStartedNotice>(before));
        Assert.Equal(1, h.Remote("B").LadderAttempt);
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Empty(h.RemoteChanges("B", before));
    }

    [Fact]
    public void Ice_failure_during_the_disconnected_grace_starts_the_ladder_at_once_and_stays_reconnecting()
    {
        var h = ConnectedTo("B");
        h.Ice("B", IceConnectionState.Disconnected);
        var before = h.Checkpoint;

        h.Ice("B", IceConnectionState.Failed);

        Assert.Equal(1, Assert.Single(h.Since<IceRestartStartedNotice>(before)).Attempt);
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Empty(h.RemoteChanges("B", before));
        Assert.False(h.IsArmed(TimerKind.IceDisconnectedGrace, "B"));
    }

    [Fact]
    public void Disconnected_waits_2_5_s_of_grace_before_the_ladder_starts()
    {
        var h = ConnectedTo("B");

        h.Ice("B", IceConnectionState.Disconnected);
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        h.Advance(TimeSpan.FromSeconds(2.499));
        Assert.Empty(h.All<IceRestartStartedNotice>());

        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, Assert.Single(h.All<IceRestartStartedNotice>()).Attempt);
    }

    [Fact]
    public void Failure_during_the_grace_starts_the_ladder_at_once()
    {
        var h = ConnectedTo("B");
        h.Ice("B", IceConnectionState.Disconnected);
        h.Advance(TimeSpan.FromSeconds(1));

        h.Ice("B", IceConnectionState.Failed);

        Assert.Equal(1, Assert.Single(h.All<IceRestartStartedNotice>()).Attempt);
        Assert.False(h.IsArmed(TimerKind.IceDisconnectedGrace, "B"));
    }

    [Fact]
    public void Disconnection_that_heals_inside_the_grace_starts_no_ladder_and_raises_no_peer_left()
    {
        var h = ConnectedTo("B");
        h.StreamArrives("B", "cam");

        h.Ice("B", IceConnectionState.Disconnected);
        h.Advance(TimeSpan.FromSeconds(2));
        h.MediaConnected("B");
        h.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(h.All<IceRestartStartedNotice>());
        Assert.Empty(h.All<PeerLeftNotice>());
        Assert.Empty(h.All<StreamRemovedNotice>());
        Assert.Equal(
            [RemotePeerState.Connecting, RemotePeerState.Connected, RemotePeerState.Reconnecting, RemotePeerState.Connected],
            h.RemoteChanges("B").Select(c => c.To));
    }

    [Fact]
    public void Connected_ends_the_episode_and_a_later_failure_starts_again_at_attempt_1()
    {
        var h = ConnectedTo("B");
        h.Ice("B", IceConnectionState.Failed);
        h.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, h.Remote("B").LadderAttempt);

        h.MediaConnected("B");
        Assert.Equal(0, h.Remote("B").LadderAttempt);
        Assert.False(h.IsArmed(TimerKind.IceRestartDue, "B"));
        var healed = h.Checkpoint;
        h.Advance(TimeSpan.FromSeconds(10));
        h.Ice("B", IceConnectionState.Failed);

        Assert.Equal(1, Assert.Single(h.Since<IceRestartStartedNotice>(healed)).Attempt);
    }

    [Fact]
    public void Connected_while_a_restart_offer_is_pending_ends_the_episode_and_the_late_answer_completes_that_negotiation()
    {
        var h = ConnectedTo("B");
        h.Ice("B", IceConnectionState.Disconnected);
        h.Advance(TimeSpan.FromSeconds(3.5));
        Assert.Equal(2, h.Remote("B").LadderAttempt);
        h.LocalDescription("B", 1, SdpType.Offer, "restart-2");

        h.MediaConnected("B");
        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
        Assert.Equal(0, h.Remote("B").LadderAttempt);
        Assert.DoesNotContain(h.ArmedTimers, t => t.Id.Owner == "B");
        var healed = h.Checkpoint;
        h.Advance(TimeSpan.FromMinutes(2));
        h.Signal("B", new AnswerSignal(1, "late"));

        Assert.Empty(h.Since<IceRestartStartedNotice>(healed));
        Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Answer, "late")), Assert.Single(h.Since<SetRemoteDescription>(healed)));
        Assert.Empty(h.Errors<ReconnectError>());
        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
        var settled = h.Checkpoint;
        h.Ice("B", IceConnectionState.Failed);
        Assert.Equal(1, Assert.Single(h.Since<IceRestartStartedNotice>(settled)).Attempt);
        h.LocalDescription("B", 1, SdpType.Offer, "restart-1");
        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "restart-1", true, 3)), h.LastSent<RelaySignalMessage>());
    }

    [Fact]
    public void New_connection_that_does_not_connect_within_15_s_starts_the_ladder()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));

        h.Advance(TimeSpan.FromSeconds(14.999));
        Assert.Equal(RemotePeerState.Connecting, h.Remote("B").State);

        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Equal(1, Assert.Single(h.All<IceRestartStartedNotice>()).Attempt);
    }

    [Fact]
    public void Media_operation_failure_raises_MediaError_and_counts_as_an_ice_failure()
    {
        var h = ConnectedTo("B");

        h.Feed(new MediaOperationFailed("B", 1, MediaOperation.SetRemoteDescription, "setRemoteDescription failed"));

        Assert.Equal(new MediaError("B", "setRemoteDescription failed", MediaOperation.SetRemoteDescription), Assert.Single(h.Errors<ReconnectError>()));
        Assert.Equal(1, Assert.Single(h.All<IceRestartStartedNotice>()).Attempt);
    }

    [Fact]
    public void Ladder_does_not_start_while_signalling_is_down()
    {
        var h = ConnectedTo("B");
        h.DropSocket();

        h.Ice("B", IceConnectionState.Failed);

        Assert.Empty(h.All<IceRestartStartedNotice>());
        Assert.Empty(h.RestartOffers());
        Assert.Equal(0, h.Remote("B").LadderAttempt);
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Contains(CoverageMarks.LadderDeferred, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Attempt_that_falls_due_while_signalling_is_down_is_not_counted()
    {
        var h = ConnectedTo("B");
        h.Ice("B", IceConnectionState.Failed);
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, h.Remote("B").LadderAttempt);
        h.DropSocket();

        h.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(2, h.Remote("B").LadderAttempt);
        Assert.Equal(2, h.All<IceRestartStartedNotice>().Count());
    }

    [Fact]
    public void Ice_failing_again_while_an_attempt_is_deferred_keeps_the_episode()
    {
        var h = ConnectedTo("B");
        h.Ice("B", IceConnectionState.Failed);
        h.DropSocket();
        h.Advance(TimeSpan.FromSeconds(1));
        var deferred = h.Checkpoint;

        h.Ice("B", IceConnectionState.Failed);

        Assert.Empty(h.Since<EngineOutput>(deferred));
        Assert.Equal((RemotePeerState.Reconnecting, 1), (h.Remote("B").State, h.Remote("B").LadderAttempt));
    }

    [Theory]
    [InlineData(NetworkChange.Online)]
    [InlineData(NetworkChange.AddressChanged)]
    public void A_network_change_makes_a_deferred_attempt_at_once_when_the_signalling_is_back(NetworkChange change)
    {
        var h = DeferredAfterOneAttemptWithSignallingBack();
        var back = h.Checkpoint;

        h.Feed(new NetworkChanged(change));

        Assert.Equal(2, Assert.Single(h.Since<IceRestartStartedNotice>(back)).Attempt);
        Assert.Empty(h.RemoteChanges("B", back));
        Assert.True(h.IsArmed(TimerKind.IceRestartDue, "B"));
    }

    [Fact]
    public void The_deferred_attempt_waits_for_the_roster_when_nothing_brings_it_forward()
    {
        var h = DeferredAfterOneAttemptWithSignallingBack();
        var back = h.Checkpoint;

        h.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(h.Since<IceRestartStartedNotice>(back));
        Assert.Equal(1, h.Remote("B").LadderAttempt);
    }

    /// <summary>B's first attempt was made, the second fell due with the signalling down, and the socket is welcomed again; the roster is not answered yet.</summary>
    private static EngineHarness DeferredAfterOneAttemptWithSignallingBack()
    {
        var h = ConnectedTo("B");
        h.Ice("B", IceConnectionState.Failed);
        h.DropSocket();
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((1, false), (h.Remote("B").LadderAttempt, h.IsArmed(TimerKind.IceRestartDue, "B")));
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();
        return h;
    }

    [Fact]
    public void Deferred_ladder_is_replaced_by_a_rebuilt_connection_once_signalling_is_back()
    {
        var h = ConnectedTo("B");
        h.DropSocket();
        h.Ice("B", IceConnectionState.Failed);

        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal(2, h.Remote("B").Generation);
        Assert.Equal(0, h.Remote("B").LadderAttempt);
        Assert.Empty(h.All<IceRestartStartedNotice>());
        Assert.True(h.IsArmed(TimerKind.IceAttemptTimeout, "B"));
    }

    [Theory]
    [InlineData(IceConnectionState.Failed)]
    [InlineData(IceConnectionState.Disconnected)]
    public void A_connection_rebuilt_during_the_ladder_ends_the_episode_and_its_own_failure_starts_a_new_one(IceConnectionState lost)
    {
        var h = ConnectedTo("B");
        h.Ice("B", lost);
        h.Advance(TimeSpan.FromSeconds(3));
        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B"));
        Assert.Equal((2, 0), (h.Remote("B").Generation, h.Remote("B").LadderAttempt));
        var rebuilt = h.Checkpoint;

        h.Ice("B", IceConnectionState.Failed);

        Assert.Equal(new IceRestartStartedNotice("B", h.Remote("B").Ref, 1, 2), Assert.Single(h.Since<IceRestartStartedNotice>(rebuilt)));
    }

    [Fact]
    public void Rebuilt_connection_that_does_not_connect_within_15_s_starts_the_ladder()
    {
        var h = ConnectedTo("B");
        h.Ice("B", IceConnectionState.Disconnected);
        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B"));
        Assert.Equal(2, h.Remote("B").Generation);
        var rebuilt = h.Checkpoint;

        h.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(new IceRestartStartedNotice("B", h.Remote("B").Ref, 1, 2), Assert.Single(h.Since<IceRestartStartedNotice>(rebuilt)));
    }

    [Fact]
    public void Without_RestartOnDisconnected_only_failed_starts_the_ladder()
    {
        var options = EngineHarness.LongLivedSocket with { IceRestart = new IceRestartLadderOptions { RestartOnDisconnected = false } };
        var h = new EngineHarness(options).Join("A", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");

        h.Ice("B", IceConnectionState.Disconnected);
        h.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(h.All<IceRestartStartedNotice>());
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);

        h.Ice("B", IceConnectionState.Failed);
        Assert.Equal(1, Assert.Single(h.All<IceRestartStartedNotice>()).Attempt);
    }
}

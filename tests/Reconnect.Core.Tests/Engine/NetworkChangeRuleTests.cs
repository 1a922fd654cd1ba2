using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;

namespace Reconnect.Core.Tests.Engine;

public sealed class NetworkChangeRuleTests
{
    private static readonly NetworkChanged Offline = new(NetworkChange.Offline);
    private static readonly NetworkChanged Online = new(NetworkChange.Online);
    private static readonly NetworkChanged AddressChanged = new(NetworkChange.AddressChanged);

    private static EngineHarness JoinedWithConnected(params string[] remotes) => JoinedWithConnected(remotes, 1);

    private static EngineHarness JoinedWithConnected(string remote, ulong seed) => JoinedWithConnected([remote], seed);

    private static EngineHarness JoinedWithConnected(string[] remotes, ulong seed)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket, seed).Join("A", "room", [.. remotes.Select(r => EngineHarness.Peer(r))]);
        foreach (var remote in remotes)
        {
            h.MediaConnected(remote);
        }

        return h;
    }

    [Fact]
    public void Offline_pauses_attempts_without_fetching_tokens_or_counting_failures()
    {
        var h = JoinedWithConnected("B");
        h.DropSocket();
        var failed = h.Snapshot.FailedAttempts;

        h.Feed(Offline);
        var offline = h.Checkpoint;
        h.Advance(TimeSpan.FromMinutes(30));

        Assert.Empty(h.Since<FetchToken>(offline));
        Assert.Empty(h.Since<OpenSocket>(offline));
        Assert.Equal(failed, h.Snapshot.FailedAttempts);
        Assert.Equal(SignallingSocketState.Offline, h.Snapshot.Socket);
        Assert.Equal(LocalPeerState.Reconnecting, h.Snapshot.Local);
    }

    [Fact]
    public void Network_lost_while_open_spends_no_budget_and_reports_the_peer_reconnecting()
    {
        var h = JoinedWithConnected("B");
        var epoch = h.Snapshot.Epoch;

        h.Feed(Offline);

        Assert.Equal(0, h.Snapshot.FailedAttempts);
        Assert.Equal(SignallingSocketState.Offline, h.Snapshot.Socket);
        Assert.Equal(LocalPeerState.Reconnecting, h.Snapshot.Local);
        Assert.Equal(epoch, Assert.Single(h.All<CloseSocket>()).Epoch);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Network_lost_during_an_attempt_abandons_it_and_pauses(bool socketOpening)
    {
        var h = JoinedWithConnected("B");
        h.DropSocket();
        h.AwaitAttempt();
        if (socketOpening)
        {
            h.AnswerToken();
        }

        h.Feed(Offline);
        var offline = h.Checkpoint;
        h.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(SignallingSocketState.Offline, h.Snapshot.Socket);
        Assert.Empty(h.Since<FetchToken>(offline));
        Assert.Equal(socketOpening ? 1 : 0, h.All<CloseSocket>().Count());
    }

    [Fact]
    public void Online_ends_the_pause_with_an_attempt_at_once()
    {
        var h = JoinedWithConnected("B");
        h.DropSocket();
        h.Feed(Offline);
        h.Advance(TimeSpan.FromMinutes(5));

        var output = h.Feed(Online);

        Assert.Contains(output, o => o is FetchToken);
        h.Connect([EngineHarness.Peer("B")]);
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
    }

    [Fact]
    public void Online_cuts_the_backoff_wait_short()
    {
        var h = JoinedWithConnected("B");
        h.DropSocket(CloseCodes.OverCapacity);
        Assert.Equal(TimeSpan.FromSeconds(30), h.Last<SocketRetryScheduledNotice>().Delay);

        var output = h.Feed(Online);

        Assert.Contains(output, o => o is FetchToken);
        Assert.False(h.IsArmed(TimerKind.SocketRetry));
        Assert.Contains(CoverageMarks.NetworkCutShort, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Join_while_offline_waits_for_the_network()
    {
        var h = new EngineHarness();
        h.Feed(Offline);

        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(h.All<FetchToken>());
        Assert.Equal(SignallingSocketState.Offline, h.Snapshot.Socket);

        h.Feed(Online);
        h.Connect([EngineHarness.Peer("B")]);
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
    }

    [Fact]
    public void Address_change_restarts_ice_on_connected_remotes()
    {
        var h = JoinedWithConnected("B", "C");
        h.Ice("C", IceConnectionState.Disconnected);
        var before = h.Checkpoint;

        h.Feed(AddressChanged);

        Assert.Equal([("B", 1), ("C", 1)], h.Since<IceRestartStartedNotice>(before).Select(s => (s.RemotePeerId, s.Attempt)));
        Assert.Equal(["B", "C"], h.RestartOffers(before).Select(o => o.RemotePeerId));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
    }

    [Fact]
    public void Network_change_runs_the_next_due_ladder_attempt_at_once()
    {
        var h = JoinedWithConnected("B");
        h.Ice("B", IceConnectionState.Failed);
        h.Advance(TimeSpan.FromSeconds(1));
        var before = h.Checkpoint;

        h.Feed(Online);

        Assert.Equal(3, Assert.Single(h.Since<IceRestartStartedNotice>(before)).Attempt);
    }

    /// <summary>
    /// What a network change does to one remote peer, by where the peer stands: an address change restarts a connected
    /// peer's ICE at once; either change ends a disconnected grace with the ladder's first attempt, or brings the next
    /// due attempt forward; a first connect, a ladder on its last attempt and a closed peer are left alone.
    /// </summary>
    [Theory]
    [InlineData("connecting", NetworkChange.Online, null, RemotePeerState.Connecting)]
    [InlineData("connecting", NetworkChange.AddressChanged, null, RemotePeerState.Connecting)]
    [InlineData("connected", NetworkChange.Online, null, RemotePeerState.Connected)]
    [InlineData("connected", NetworkChange.AddressChanged, 1, RemotePeerState.Reconnecting)]
    [InlineData("in grace", NetworkChange.Online, 1, RemotePeerState.Reconnecting)]
    [InlineData("in grace", NetworkChange.AddressChanged, 1, RemotePeerState.Reconnecting)]
    [InlineData("ladder running", NetworkChange.Online, 3, RemotePeerState.Reconnecting)]
    [InlineData("ladder running", NetworkChange.AddressChanged, 3, RemotePeerState.Reconnecting)]
    [InlineData("last attempt", NetworkChange.Online, null, RemotePeerState.Reconnecting)]
    [InlineData("last attempt", NetworkChange.AddressChanged, null, RemotePeerState.Reconnecting)]
    [InlineData("closed", NetworkChange.Online, null, RemotePeerState.Closed)]
    [InlineData("closed", NetworkChange.AddressChanged, null, RemotePeerState.Closed)]
    public void A_network_change_reaches_each_remote_peer_by_where_it_stands(string where, NetworkChange change, int? attempt, RemotePeerState after)
    {
        var h = new EngineHarness(where == "closed" ? EngineHarness.NoEscalation : EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        if (where != "connecting")
        {
            h.MediaConnected("B");
        }

        if (where == "in grace")
        {
            h.Ice("B", IceConnectionState.Disconnected);
        }

        var ladder = where switch
        {
            "ladder running" => TimeSpan.FromSeconds(1),
            "last attempt" => TimeSpan.FromSeconds(121),
            "closed" => TimeSpan.FromSeconds(136),
            _ => (TimeSpan?)null,
        };
        if (ladder is { } run)
        {
            h.Ice("B", IceConnectionState.Failed);
            h.Advance(run);
        }

        var before = h.Checkpoint;

        h.Feed(new NetworkChanged(change));

        Assert.Equal(attempt, h.Since<IceRestartStartedNotice>(before).SingleOrDefault()?.Attempt);
        Assert.Equal(after, h.Remote("B").State);
        Assert.DoesNotContain(h.RemoteChanges("B", before), c => c.To != RemotePeerState.Reconnecting);
        Assert.False(h.IsArmed(TimerKind.IceDisconnectedGrace, "B"));
        Assert.DoesNotContain(h.Since<InputIgnoredNotice>(before), n => n.Input.StartsWith("RemotePeer", StringComparison.Ordinal));
    }

    [Fact]
    public void Network_change_while_the_socket_is_up_leaves_the_socket_alone()
    {
        var h = JoinedWithConnected("B");
        var before = h.Checkpoint;

        h.Feed(Online);

        Assert.Empty(h.Since<CloseSocket>(before));
        Assert.Empty(h.Since<FetchToken>(before));
        Assert.Equal(SignallingSocketState.Open, h.Snapshot.Socket);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Network_back_during_an_attempt_leaves_the_attempt_alone(bool socketOpening)
    {
        var h = JoinedWithConnected("B");
        h.DropSocket();
        h.AwaitAttempt();
        if (socketOpening)
        {
            h.AnswerToken();
        }

        var state = h.Snapshot.Socket;
        var before = h.Checkpoint;

        h.Feed(Online);

        Assert.Equal(state, h.Snapshot.Socket);
        Assert.Empty(h.Since<FetchToken>(before));
        Assert.Empty(h.Since<CloseSocket>(before));
    }

    [Fact]
    public void Repeated_offline_keeps_the_pause()
    {
        var h = JoinedWithConnected("B");
        h.Feed(Offline);
        var before = h.Describe();

        h.Feed(Offline);

        Assert.Equal(before, h.Describe());
    }

    [Fact]
    public void Close_while_offline_ends_closed()
    {
        var h = JoinedWithConnected("B");
        h.Feed(Offline);

        h.Feed(new CloseRequested());

        Assert.Equal(LocalPeerState.Closed, h.Snapshot.Local);
        Assert.Equal(SignallingSocketState.Closed, h.Snapshot.Socket);
        Assert.Empty(h.ArmedTimers);
    }

    [Fact]
    public void Network_changes_while_idle_only_decide_whether_a_later_join_waits()
    {
        var h = new EngineHarness();

        h.Feed(Offline);
        h.Feed(Online);
        h.Feed(AddressChanged);
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));

        Assert.Equal(SignallingSocketState.FetchingToken, h.Snapshot.Socket);
        Assert.Single(h.All<FetchToken>());
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(0xbeefUL)]
    public void An_unreachable_network_waits_offline_spends_no_budget_and_probes_fast_for_10_s_then_about_a_second_apart(ulong seed)
    {
        var h = JoinedWithConnected("B", seed);
        var failed = h.Snapshot.FailedAttempts;
        var since = h.Now;

        h.SocketUnreachable();

        Assert.Equal(SignallingSocketState.Offline, h.Snapshot.Socket);
        Assert.Equal(LocalPeerState.Reconnecting, h.Snapshot.Local);
        Assert.Equal(failed, h.Snapshot.FailedAttempts);
        for (var i = 0; i < 200; i++)
        {
            var waited = h.Now;
            var fast = waited - since < TimeSpan.FromSeconds(10);
            var fetch = h.AwaitAttempt();
            var gap = h.Now - waited;
            Assert.True(
                fast ? gap >= TimeSpan.FromMilliseconds(160) && gap <= TimeSpan.FromMilliseconds(240) : gap >= TimeSpan.FromMilliseconds(800) && gap <= TimeSpan.FromMilliseconds(1200),
                $"SEED=0x{seed:x}: probe {i} at {(waited - since).TotalSeconds:0.000} s into the outage came {gap.TotalMilliseconds} ms later");
            h.Feed(new TokenFetched(fetch.Attempt, "t", EngineHarness.DefaultIce));
            h.SocketUnreachable();
        }

        Assert.Equal(failed, h.Snapshot.FailedAttempts);
        Assert.Equal(SignallingSocketState.Offline, h.Snapshot.Socket);
    }

    [Fact]
    public void A_welcome_ends_the_outage_so_the_next_outage_probes_fast_again()
    {
        var h = JoinedWithConnected("B");
        h.SocketUnreachable();
        h.Advance(TimeSpan.FromSeconds(30));
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();
        h.AnswerRoster([EngineHarness.Peer("B")]);

        h.SocketUnreachable();

        Assert.InRange(h.DueOf(TimerKind.OfflineProbe) - h.Now, TimeSpan.FromMilliseconds(160), TimeSpan.FromMilliseconds(240));
    }

    [Fact]
    public void A_zero_fast_window_probes_on_the_backoff_early_delays_then_the_steady_interval()
    {
        var options = EngineHarness.LongLivedSocket with { Backoff = EngineHarness.LongLivedSocket.Backoff with { OfflineFastProbeWindow = TimeSpan.Zero } };
        var h = new EngineHarness(options).Join("A", "room");
        h.SocketUnreachable();

        var gaps = h.OfflineProbeGaps(4);

        Assert.InRange(gaps[0], TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(600));
        Assert.All(gaps.Skip(1), g => Assert.InRange(g, TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1200)));
    }

    [Fact]
    public void A_token_fetch_that_fails_for_an_unreachable_network_waits_offline_and_is_not_blamed_on_the_provider()
    {
        var h = JoinedWithConnected("B");
        h.SocketUnreachable();
        var before = h.Checkpoint;

        for (var i = 0; i < 6; i++)
        {
            var fetch = h.AwaitAttempt();
            h.Feed(new TokenFetchFailed(fetch.Attempt, "no route", NetworkUnreachable: true));
        }

        Assert.Equal(SignallingSocketState.Offline, h.Snapshot.Socket);
        Assert.Empty(h.Since<TokenProviderFailingNotice>(before));
        Assert.Empty(h.Since<SocketRetryScheduledNotice>(before));
    }

    [Fact]
    public void With_the_probe_off_an_unreachable_network_backs_off_and_counts_like_any_failure()
    {
        var options = EngineHarness.LongLivedSocket with { Backoff = EngineHarness.LongLivedSocket.Backoff with { OfflineProbeInterval = null } };
        var h = new EngineHarness(options).Join("A", "room", EngineHarness.Peer("B"));
        h.SocketUnreachable();
        Assert.Equal(SignallingSocketState.WaitingToRetry, h.Snapshot.Socket);
        h.AwaitAttempt();
        h.AnswerToken();

        h.SocketUnreachable();

        Assert.Equal(SignallingSocketState.WaitingToRetry, h.Snapshot.Socket);
        Assert.Equal(1, h.Snapshot.FailedAttempts);
        Assert.Equal(2, h.All<SocketRetryScheduledNotice>().Count());
    }

    [Fact]
    public void While_the_os_says_offline_no_probe_is_armed_and_online_resumes_at_once()
    {
        var h = JoinedWithConnected("B");
        h.Feed(Offline);
        Assert.False(h.IsArmed(TimerKind.OfflineProbe));
        var before = h.Checkpoint;

        h.Feed(Online);

        Assert.Single(h.Since<FetchToken>(before));
    }

    /// <summary>
    /// Found by exploration (SEED=0x4b7a38c43586d6d5): a network change that brings a ladder's last attempt forward left
    /// the earlier attempt's schedule armed, so a further attempt past the ladder's length was made when it fell due.
    /// For every ladder length and every attempt brought forward, no attempt past the length is made, and the ladder is
    /// spent once.
    /// </summary>
    [Fact]
    public void A_network_change_that_brings_the_last_attempt_forward_leaves_no_attempt_past_the_ladder()
    {
        var defaults = new ReconnectOptions().IceRestart.Delays;
        for (var length = 2; length <= defaults.Count; length++)
        {
            var options = EngineHarness.NoEscalation with { IceRestart = EngineHarness.NoEscalation.IceRestart with { Delays = [.. defaults.Take(length)] } };
            var h = new EngineHarness(options).Join("A", "room", [EngineHarness.Peer("B")]);
            h.MediaConnected("B");
            h.Ice("B", IceConnectionState.Failed);
            while (h.All<IceRestartStartedNotice>().Max(n => n.Attempt) < length - 1)
            {
                h.AdvanceUntil<IceRestartStartedNotice>(TimeSpan.FromMinutes(1));
            }

            h.Feed(Online);
            h.Advance(TimeSpan.FromMinutes(5));

            Assert.True(h.All<IceRestartStartedNotice>().Max(n => n.Attempt) == length, $"ladder of {length}: attempts {string.Join(",", h.All<IceRestartStartedNotice>().Select(n => n.Attempt))}");
            Assert.Single(h.All<ErrorRaisedNotice>(), e => e.Error is IceRestartExhausted);
        }
    }
}

using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

public sealed class NewFaultKindTests
{
    [Fact]
    public void A_blackhole_raises_no_local_error_and_keeps_the_socket_open_on_both_ends_until_a_timer_notices()
    {
        var world = new SimWorld(TwoPeers(120_000, new FaultSpec { AtMs = 10_000, Kind = FaultKind.Blackhole, Peer = "A", DurationMs = 70_000 }));
        var a = world.Peers[0];
        var during = new List<(LocalPeerState State, bool ClientOpen, bool ServerOpen)>();
        world.Time.Schedule(TimeSpan.FromSeconds(40), () => during.Add((a.Engine.Snapshot.Local, a.Signalling.IsOpen, world.Server.ConnectionOf(a.Signalling, a.Signalling.Epoch) is not null)), "look");

        var result = world.Run();

        Assert.Equal([(LocalPeerState.Joined, true, true)], during);
        var firstDrop = result.Trace.Events.First(e => e.Peer == "A" && e.Event == TraceEventKind.SocketRetry && e.T >= 10_000);
        Assert.Equal(CloseCodes.LivenessTimeout, firstDrop.Code);
        Assert.Empty(result.Violations);
        Assert.True(result.Healed);
    }

    [Fact]
    public void An_offline_outage_by_contrast_fails_the_socket_at_once()
    {
        var result = new SimWorld(TwoPeers(30_000, new FaultSpec { AtMs = 10_000, Kind = FaultKind.Offline, Peer = "A", DurationMs = 5_000 })).Run();

        Assert.Contains(result.Trace.Events, e => e is { Peer: "A", Event: TraceEventKind.StateChange, T: 10_000, To: "reconnecting" });
    }

    [Fact]
    public void A_one_way_partition_lets_a_reach_b_while_b_no_longer_reaches_a()
    {
        var world = new SimWorld(TwoPeers(60_000, new FaultSpec { AtMs = 10_000, Kind = FaultKind.OneWayPartition, Peer = "A", Other = "B", DurationMs = 20_000 }));
        var seen = new List<(RemotePeerState AseesB, RemotePeerState BseesA)>();
        world.Time.Schedule(TimeSpan.FromSeconds(16), () => seen.Add((world.Peers[0].Engine.Snapshot.Remotes.Single().State, world.Peers[1].Engine.Snapshot.Remotes.Single().State)), "look");

        var result = world.Run();

        Assert.Equal([(RemotePeerState.Connected, RemotePeerState.Reconnecting)], seen);
        Assert.True(result.Healed);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public void A_server_crash_loses_every_session_and_the_restarted_server_never_reuses_a_session_id()
    {
        var world = new SimWorld(TwoPeers(30_000, new FaultSpec { AtMs = 10_000, Kind = FaultKind.ServerCrash, DurationMs = 3_000 }));
        var refusing = new List<bool>();
        world.Time.Schedule(TimeSpan.FromSeconds(11), () => refusing.Add(!world.Server.Accepting), "look");

        var result = world.Run();

        Assert.Equal([true], refusing);
        var roster = world.Server.Logic.Roster("room");
        Assert.All(roster, entry => Assert.StartsWith("r1-s", entry.SessionId, StringComparison.Ordinal));
        Assert.Equal(["A", "B"], result.Trace.Events.Where(e => e.Event == TraceEventKind.Error && e.Reason == "EvictedError").Select(e => e.Peer).Order());
        Assert.DoesNotContain(result.Trace.Events, e => e.Event == TraceEventKind.Fault && e.Reason == "server-restart");
        Assert.Empty(result.Violations);
        Assert.True(result.Healed);
    }

    [Fact]
    public void A_hung_token_provider_is_failed_by_the_engines_fetch_timeout_and_the_retry_gets_a_fresh_token()
    {
        var world = new SimWorld(TwoPeers(
            40_000,
            new FaultSpec { AtMs = 9_000, Kind = FaultKind.TokenHang, Peer = "A", Count = 1 },
            new FaultSpec { AtMs = 10_000, Kind = FaultKind.SignallingDrop, Peer = "A", DurationMs = 1_000 }));

        var result = world.Run();

        Assert.Equal(1, world.Peers[0].Token.Hung);
        var rejoined = result.Trace.Events.First(e => e is { Peer: "A", Event: TraceEventKind.StateChange, To: "joined" } && e.T > 10_000);
        Assert.True(rejoined.T >= 20_000, $"A rejoined at {rejoined.T} ms, before the 10 s fetch timeout could fail the hung fetch");
        Assert.True(result.Healed);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public void Expired_tokens_are_refused_with_4002_and_retried_with_a_fresh_token()
    {
        var result = new SimWorld(ScenarioLibrary.Resolve("expired-token")).Run();

        Assert.Equal(2, result.Trace.Events.Count(e => e is { Peer: "A", Event: TraceEventKind.SocketRetry, Code: CloseCodes.TokenExpired }));
        Assert.True(result.Healed);
    }

    [Fact]
    public void A_stream_withdrawn_and_published_again_mid_call_is_removed_once_and_bound_again_without_a_violation()
    {
        var result = new SimWorld(ScenarioLibrary.Resolve("publish-unpublish-mid-call")).Run();

        var screen = result.Trace.Events.Where(e => e.Peer == "B" && e.Stream == "screenA").Select(e => e.Event).ToList();
        Assert.Equal([TraceEventKind.StreamAdded, TraceEventKind.StreamRemoved, TraceEventKind.StreamAdded], screen);
        Assert.Contains(result.Trace.Events, e => e is { Peer: "A", Event: TraceEventKind.StreamAdded, Stream: "screenB" });
        Assert.Empty(result.Violations);
        Assert.True(result.Healed);
    }

    [Fact]
    public void A_track_replaced_during_an_outage_is_sent_on_the_connection_rebuilt_after_it()
    {
        var world = new SimWorld(ScenarioLibrary.Resolve("replace-track-during-outage"));

        var result = world.Run();

        var connection = Assert.Single(world.Peers[0].Media.Connections);
        Assert.True(connection.Generation > 1, "the outage rebuilt the connection");
        Assert.Equal("camA-front", connection.Tracks["camA"]);
        Assert.True(result.Healed);
    }

    [Fact]
    public void The_call_is_not_healed_while_a_connection_sends_an_old_track()
    {
        var world = new SimWorld(TwoPeers(20_000));
        var a = world.Peers[0];
        var pending = new List<string>();
        world.Time.Schedule(
            TimeSpan.FromSeconds(5),
            () =>
            {
                a.Pump.Pause();
                a.ReplaceTrack("camA", "camA-front");
                pending.AddRange(ConvergenceProbe.Pending(world.Peers, world.Server, world.Time.Elapsed));
                a.Pump.Resume();
            },
            "replace while paused");

        world.Run();

        Assert.Equal(["A sends camA to B on connection 1 with track (none), not camA-front"], pending);
    }

    [Fact]
    public void Loss_and_latency_on_the_signalling_plane_leave_media_alone()
    {
        var world = new SimWorld(TwoPeers(
            30_000,
            new FaultSpec { AtMs = 5_000, Kind = FaultKind.Latency, Plane = FaultPlane.Signalling, LatencyMs = 900 },
            new FaultSpec { AtMs = 5_000, Kind = FaultKind.Loss, Plane = FaultPlane.Signalling, Loss = 0.3 }));
        var links = new List<(int, double, int, double)>();
        world.Time.Schedule(TimeSpan.FromSeconds(6), () =>
        {
            var host = world.Network.Host("A");
            links.Add((host.Signalling.LatencyMs, host.Signalling.Loss, host.Media.LatencyMs, host.Media.Loss));
        }, "look");

        var result = world.Run();

        Assert.Equal([(900, 0.3, 40, 0.0)], links);
        Assert.DoesNotContain(result.Trace.Events, e => e.Event == TraceEventKind.StateChange && e.To == "reconnecting");
        Assert.Equal(40, world.Network.Host("A").Signalling.LatencyMs);
    }

    private static Scenario TwoPeers(int durationMs, params FaultSpec[] faults) => TwoPeerScenario.With(durationMs, faults);
}

using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios;

public sealed class ScenarioValidationTests
{
    public static TheoryData<FaultKind> DurationKinds => new(
        FaultKind.Offline, FaultKind.SignallingDrop, FaultKind.MediaDrop, FaultKind.ServerRestart, FaultKind.ClockJump, FaultKind.Partition,
        FaultKind.Blackhole, FaultKind.OneWayPartition, FaultKind.OneWayLoss);

    public static TheoryData<FaultKind, string[]> RequiredFields => new()
    {
        { FaultKind.Offline, ["peer", "durationMs"] },
        { FaultKind.SignallingDrop, ["peer", "durationMs"] },
        { FaultKind.MediaDrop, ["peer", "durationMs"] },
        { FaultKind.IpChange, ["peer"] },
        { FaultKind.ServerRestart, ["durationMs"] },
        { FaultKind.ServerKick, ["peer", "code"] },
        { FaultKind.TokenFailures, ["peer", "count"] },
        { FaultKind.TokenExpiry, ["peer"] },
        { FaultKind.PeerLeave, ["peer"] },
        { FaultKind.PeerClose, ["peer"] },
        { FaultKind.PeerJoin, ["peer"] },
        { FaultKind.Latency, ["latencyMs"] },
        { FaultKind.Loss, ["loss"] },
        { FaultKind.ClockJump, ["peer", "durationMs"] },
        { FaultKind.Partition, ["peer", "other", "durationMs"] },
        { FaultKind.WallClockJump, ["peer", "offsetMs"] },
        { FaultKind.Blackhole, ["peer", "durationMs"] },
        { FaultKind.OneWayPartition, ["peer", "other", "durationMs"] },
        { FaultKind.OneWayLoss, ["peer", "durationMs", "loss"] },
        { FaultKind.ExpiredToken, ["peer", "count"] },
        { FaultKind.Publish, ["peer", "stream"] },
        { FaultKind.Unpublish, ["peer", "stream"] },
        { FaultKind.ReplaceTrack, ["peer", "stream", "track"] },
        { FaultKind.RetryNow, ["peer"] },
        { FaultKind.MediaFreeze, ["peer"] },
    };

    [Fact]
    public void Sample_scenario_has_no_problem()
    {
        Assert.Empty(ScenarioLoader.Validate(ScenarioSamples.TwoPeers));
    }

    [Fact]
    public void Fault_naming_an_unknown_peer_is_rejected()
    {
        var scenario = ScenarioSamples.WithFault(new FaultSpec { AtMs = 1_000, Kind = FaultKind.Offline, Peer = "Z", DurationMs = 1_000 });

        AssertProblem(scenario, "$.timeline[0].peer", "unknown peer \"Z\"");
    }

    [Fact]
    public void Fault_naming_an_unknown_other_peer_is_rejected()
    {
        var scenario = ScenarioSamples.WithFault(new FaultSpec { AtMs = 1_000, Kind = FaultKind.Partition, Peer = "A", Other = "Q", DurationMs = 1_000 });

        AssertProblem(scenario, "$.timeline[0].other", "unknown peer \"Q\"");
    }

    [Fact]
    public void Partition_of_a_peer_with_itself_is_rejected()
    {
        var scenario = ScenarioSamples.WithFault(new FaultSpec { AtMs = 1_000, Kind = FaultKind.Partition, Peer = "A", Other = "A", DurationMs = 1_000 });

        AssertProblem(scenario, "$.timeline[0].other", "two different peers");
    }

    [Theory]
    [MemberData(nameof(DurationKinds))]
    public void Fault_that_needs_a_duration_is_rejected_without_one(FaultKind kind)
    {
        var fault = Complete(kind) with { DurationMs = null };

        AssertProblem(ScenarioSamples.WithFault(fault), "$.timeline[0].durationMs", $"{kind.ToJsonName()} needs durationMs");
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Fault_kind_without_its_fields_is_rejected_naming_each_missing_field(FaultKind kind, string[] required)
    {
        var problems = ScenarioLoader.Validate(ScenarioSamples.WithFault(new FaultSpec { AtMs = 1_000, Kind = kind }));

        Assert.Equal(
            required.Select(field => $"$.timeline[0].{field}: {kind.ToJsonName()} needs {field}."),
            problems.Select(problem => problem.ToString()));
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Fault_kind_with_all_its_fields_is_accepted(FaultKind kind, string[] required)
    {
        Assert.NotEmpty(required);
        Assert.Empty(ScenarioLoader.Validate(ScenarioSamples.WithFault(Complete(kind))));
    }

    [Fact]
    public void Fault_field_the_kind_does_not_use_is_rejected()
    {
        var fault = new FaultSpec { AtMs = 1_000, Kind = FaultKind.Offline, Peer = "A", DurationMs = 1_000, Code = 4005 };

        AssertProblem(ScenarioSamples.WithFault(fault), "$.timeline[0].code", "offline does not use code");
    }

    [Fact]
    public void Negative_fault_time_is_rejected()
    {
        var fault = new FaultSpec { AtMs = -1, Kind = FaultKind.IpChange, Peer = "A" };

        AssertProblem(ScenarioSamples.WithFault(fault), "$.timeline[0].atMs", "atMs must not be negative (was -1)");
    }

    [Fact]
    public void Non_positive_fault_duration_is_rejected()
    {
        var fault = new FaultSpec { AtMs = 1_000, Kind = FaultKind.Offline, Peer = "A", DurationMs = -5 };

        AssertProblem(ScenarioSamples.WithFault(fault), "$.timeline[0].durationMs", "durationMs must be positive (was -5)");
    }

    [Fact]
    public void Negative_join_time_is_rejected()
    {
        AssertProblem(ScenarioSamples.WithPeer(1, p => p with { JoinAtMs = -10 }), "$.peers[1].joinAtMs", "joinAtMs must not be negative (was -10)");
    }

    [Fact]
    public void Negative_network_latency_and_retry_hint_are_rejected()
    {
        var scenario = ScenarioSamples.TwoPeers with
        {
            Network = new NetworkSettings { LatencyMs = -1, JitterMs = -2 },
            Timeline = [new FaultSpec { AtMs = 0, Kind = FaultKind.ServerRestart, DurationMs = 1_000, RetryAfterMs = -3 }],
        };

        AssertProblem(scenario, "$.network.latencyMs", "latencyMs must not be negative (was -1)");
        AssertProblem(scenario, "$.network.jitterMs", "jitterMs must not be negative (was -2)");
        AssertProblem(scenario, "$.timeline[0].retryAfterMs", "retryAfterMs must not be negative (was -3)");
    }

    [Fact]
    public void Non_positive_phase_lengths_and_grace_are_rejected()
    {
        var scenario = ScenarioSamples.TwoPeers with
        {
            DurationMs = 0,
            RecoveryBoundMs = -1,
            Server = new ServerSettings { SilenceGraceMs = 0, TokenLifetimeMs = 0 },
            Timeline = [],
        };

        AssertProblem(scenario, "$.server.tokenLifetimeMs", "tokenLifetimeMs must be positive (was 0)");
        AssertProblem(scenario, "$.durationMs", "durationMs must be positive (was 0)");
        AssertProblem(scenario, "$.recoveryBoundMs", "recoveryBoundMs must be positive (was -1)");
        AssertProblem(scenario, "$.server.silenceGraceMs", "silenceGraceMs must be positive (was 0)");
    }

    [Fact]
    public void Fault_at_or_after_the_safety_phase_is_rejected_because_it_never_happens()
    {
        var fault = new FaultSpec { AtMs = 30_000, Kind = FaultKind.IpChange, Peer = "A" };

        AssertProblem(ScenarioSamples.WithFault(fault), "$.timeline[0].atMs", "not before durationMs (30000)");
    }

    [Fact]
    public void Duplicate_peer_names_are_rejected()
    {
        AssertProblem(ScenarioSamples.WithPeer(1, p => p with { Name = "A" }), "$.peers[1].name", "duplicate peer name \"A\" (already used by $.peers[0])");
    }

    [Fact]
    public void Duplicate_stream_ids_within_a_peer_are_rejected()
    {
        var scenario = ScenarioSamples.WithPeer(0, p => p with { Streams = [new StreamSpec { Id = "cam" }, new StreamSpec { Id = "cam" }] });

        AssertProblem(scenario, "$.peers[0].streams[1].id", "duplicate stream id \"cam\" in peer \"A\"");
    }

    [Fact]
    public void Same_stream_id_on_two_peers_is_allowed()
    {
        var scenario = ScenarioSamples.TwoPeers with
        {
            Peers = [.. ScenarioSamples.TwoPeers.Peers.Select(p => p with { Streams = [new StreamSpec { Id = "cam" }] })],
        };

        Assert.Empty(ScenarioLoader.Validate(scenario));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(2.5)]
    public void Loss_outside_zero_to_one_is_rejected(double loss)
    {
        var scenario = ScenarioSamples.TwoPeers with
        {
            Network = new NetworkSettings { Loss = loss },
            Timeline = [new FaultSpec { AtMs = 0, Kind = FaultKind.Loss, Loss = loss }],
        };

        AssertProblem(scenario, "$.network.loss", "loss must be in [0, 1)");
        AssertProblem(scenario, "$.timeline[0].loss", "loss must be in [0, 1)");
    }

    [Fact]
    public void Kick_code_outside_close_code_range_and_zero_token_failures_are_rejected()
    {
        var scenario = ScenarioSamples.TwoPeers with
        {
            Timeline =
            [
                new FaultSpec { AtMs = 0, Kind = FaultKind.ServerKick, Peer = "A", Code = 99 },
                new FaultSpec { AtMs = 0, Kind = FaultKind.TokenFailures, Peer = "B", Count = 0 },
            ],
        };

        AssertProblem(scenario, "$.timeline[0].code", "code must be 1000 or in [3000, 4999], the codes a server may close with (was 99)");
        AssertProblem(scenario, "$.timeline[1].count", "count must be at least 1 and at most 1000 (was 0)");
    }

    [Fact]
    public void Scenario_without_peers_is_rejected()
    {
        AssertProblem(ScenarioSamples.TwoPeers with { Peers = [], Timeline = [] }, "$.peers", "at least one peer");
    }

    [Fact]
    public void Blank_names_channels_and_stream_ids_are_rejected()
    {
        var scenario = ScenarioSamples.TwoPeers with
        {
            Name = " ",
            Peers =
            [
                new PeerSpec { Name = "", Channel = "room", Streams = [new StreamSpec { Id = "" }] },
                new PeerSpec { Name = "A", Channel = "" },
            ],
        };

        AssertProblem(scenario, "$.name", "name must not be empty");
        AssertProblem(scenario, "$.peers[0].name", "name must not be empty");
        AssertProblem(scenario, "$.peers[0].streams[0].id", "id must not be empty");
        AssertProblem(scenario, "$.peers[1].channel", "channel must not be empty");
    }

    [Fact]
    public void Peer_that_joins_only_by_fault_but_has_no_join_fault_is_rejected()
    {
        AssertProblem(ScenarioSamples.WithPeer(1, p => p with { JoinAtMs = null }), "$.peers[1].joinAtMs", "no peer-join fault");
    }

    [Fact]
    public void Peer_that_joins_only_by_fault_with_a_join_fault_is_accepted()
    {
        var scenario = ScenarioSamples.WithPeer(1, p => p with { JoinAtMs = null }) with
        {
            Timeline = [new FaultSpec { AtMs = 5_000, Kind = FaultKind.PeerJoin, Peer = "B" }],
        };

        Assert.Empty(ScenarioLoader.Validate(scenario));
    }

    [Fact]
    public void Option_overrides_that_make_invalid_engine_options_are_rejected()
    {
        var scenario = ScenarioSamples.WithPeer(0, p => p with { Options = new PeerOptionsSpec { BackoffInitialMs = 5_000, BackoffMaxMs = 1_000 } });

        AssertProblem(scenario, "$.peers[0].options", "Backoff.MaxDelay must be at least Backoff.InitialDelay");
    }

    [Fact]
    public void Reconnecting_visible_and_retry_now_overrides_must_be_positive()
    {
        var scenario = ScenarioSamples.WithPeer(0, p => p with { Options = new PeerOptionsSpec { ReconnectingVisibleAfterMs = 0, RetryNowMinIntervalMs = -1 } });

        AssertProblem(scenario, "$.peers[0].options", "ReconnectingVisibleAfter must be positive");
        AssertProblem(scenario, "$.peers[0].options", "RetryNowMinInterval must be positive");
    }

    [Fact]
    public void Expectations_naming_unknown_errors_or_peers_are_rejected()
    {
        var scenario = ScenarioSamples.TwoPeers with
        {
            Expect = new ScenarioExpectations { Errors = ["TerminalCloseErr"], ClosedPeers = ["C"], EvictedPeers = ["D"] },
        };

        AssertProblem(scenario, "$.expect.errors[0]", "unknown error kind \"TerminalCloseErr\"");
        AssertProblem(scenario, "$.expect.closedPeers[0]", "unknown peer \"C\"");
        AssertProblem(scenario, "$.expect.evictedPeers[0]", "unknown peer \"D\"");
    }

    [Fact]
    public void Expectations_listing_a_name_twice_are_rejected()
    {
        var scenario = ScenarioSamples.TwoPeers with
        {
            Expect = new ScenarioExpectations { Errors = ["TerminalCloseError", "TerminalCloseError"], ClosedPeers = ["A", "A"] },
        };

        AssertProblem(scenario, "$.expect.errors[1]", "\"TerminalCloseError\" is listed twice");
        AssertProblem(scenario, "$.expect.closedPeers[1]", "\"A\" is listed twice");
    }

    [Fact]
    public void Peer_left_bounds_that_cannot_both_hold_are_rejected()
    {
        var scenario = ScenarioSamples.TwoPeers with { Expect = new ScenarioExpectations { MinPeerLeft = 2, MaxPeerLeft = 1 } };

        AssertProblem(scenario, "$.expect.maxPeerLeft", "maxPeerLeft (1) is less than minPeerLeft (2)");
    }

    [Fact]
    public void Expected_eviction_without_the_eviction_error_is_rejected()
    {
        var scenario = ScenarioSamples.TwoPeers with { Expect = new ScenarioExpectations { EvictedPeers = ["A"] } };

        AssertProblem(scenario, "$.expect.errors", "must list EvictedError");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var scenario = ScenarioSamples.TwoPeers with
        {
            Peers = [.. ScenarioSamples.TwoPeers.Peers, new PeerSpec { Name = "A", Channel = "room-42" }],
            Network = new NetworkSettings { Loss = 1.5 },
            Timeline =
            [
                new FaultSpec { AtMs = 1_000, Kind = FaultKind.Offline, Peer = "A" },
                new FaultSpec { AtMs = 2_000, Kind = FaultKind.IpChange, Peer = "Nobody" },
            ],
        };

        Assert.Equal(
            ["$.network.loss", "$.peers[2].name", "$.timeline[0].durationMs", "$.timeline[1].peer"],
            ScenarioLoader.Validate(scenario).Select(problem => problem.Path));
    }

    [Fact]
    public void Invalid_file_throws_naming_the_file_and_every_problem_path()
    {
        var json = ScenarioLoader.ToJson(ScenarioSamples.TwoPeers with
        {
            Timeline = [new FaultSpec { AtMs = 1_000, Kind = FaultKind.Partition, Peer = "A" }],
        });
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

            Assert.Equal(path, error.SourceName);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("$.timeline[0].other: partition needs other.", error.Message, StringComparison.Ordinal);
            Assert.Contains("$.timeline[0].durationMs: partition needs durationMs.", error.Message, StringComparison.Ordinal);
            Assert.Equal(2, error.Problems.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_wall_clock_jump_of_zero_is_rejected_and_a_negative_one_is_valid()
    {
        AssertProblem(ScenarioSamples.WithFault(Complete(FaultKind.WallClockJump) with { OffsetMs = 0 }), "$.timeline[0].offsetMs", "offsetMs must not be zero");
        Assert.Empty(ScenarioLoader.Validate(ScenarioSamples.WithFault(Complete(FaultKind.WallClockJump))));
    }

    [Fact]
    public void A_field_of_a_wall_clock_jump_on_another_kind_is_rejected()
    {
        AssertProblem(ScenarioSamples.WithFault(Complete(FaultKind.ClockJump) with { OffsetMs = 1_000 }), "$.timeline[0].offsetMs", "clock-jump does not use offsetMs");
    }

    private static FaultSpec Complete(FaultKind kind) => new()
    {
        AtMs = 1_000,
        Kind = kind,
        Peer = kind is FaultKind.ServerRestart or FaultKind.ServerCrash or FaultKind.Latency or FaultKind.Loss ? null : "A",
        Other = kind switch
        {
            FaultKind.Partition => "B",
            FaultKind.OneWayPartition => "server",
            _ => null,
        },
        DurationMs = kind is FaultKind.Offline or FaultKind.SignallingDrop or FaultKind.MediaDrop or FaultKind.ServerRestart
            or FaultKind.ClockJump or FaultKind.Partition or FaultKind.Blackhole or FaultKind.OneWayPartition or FaultKind.OneWayLoss ? 2_000 : null,
        Code = kind == FaultKind.ServerKick ? 4005 : null,
        Count = kind is FaultKind.TokenFailures or FaultKind.ExpiredToken ? 3 : null,
        LatencyMs = kind == FaultKind.Latency ? 500 : null,
        Loss = kind is FaultKind.Loss or FaultKind.OneWayLoss ? 0.1 : null,
        OffsetMs = kind == FaultKind.WallClockJump ? -30_000 : null,
        Stream = kind switch
        {
            FaultKind.Publish => "screenA",
            FaultKind.Unpublish or FaultKind.ReplaceTrack => "camA",
            _ => null,
        },
        Track = kind == FaultKind.ReplaceTrack ? "camA-2" : null,
    };

    [Fact]
    public void Token_hang_needs_a_count_or_a_duration_but_not_both()
    {
        var hang = new FaultSpec { AtMs = 1_000, Kind = FaultKind.TokenHang, Peer = "A" };

        AssertProblem(ScenarioSamples.WithFault(hang), "$.timeline[0].count", "token-hang needs count or durationMs");
        AssertProblem(ScenarioSamples.WithFault(hang with { Count = 1, DurationMs = 5_000 }), "$.timeline[0].durationMs", "token-hang takes count or durationMs, not both");
        Assert.Empty(ScenarioLoader.Validate(ScenarioSamples.WithFault(hang with { Count = 1 })));
        Assert.Empty(ScenarioLoader.Validate(ScenarioSamples.WithFault(hang with { DurationMs = 5_000 })));
    }

    [Fact]
    public void Server_crash_takes_an_optional_duration_and_no_peer()
    {
        var crash = new FaultSpec { AtMs = 1_000, Kind = FaultKind.ServerCrash };

        Assert.Empty(ScenarioLoader.Validate(ScenarioSamples.WithFault(crash)));
        Assert.Empty(ScenarioLoader.Validate(ScenarioSamples.WithFault(crash with { DurationMs = 3_000 })));
        AssertProblem(ScenarioSamples.WithFault(crash with { Peer = "A" }), "$.timeline[0].peer", "server-crash does not use peer");
    }

    [Fact]
    public void Only_one_way_faults_may_name_the_server_as_the_other_side()
    {
        var oneWay = new FaultSpec { AtMs = 1_000, Kind = FaultKind.OneWayLoss, Peer = "A", Other = "server", Loss = 0.2, DurationMs = 1_000 };
        var partition = new FaultSpec { AtMs = 1_000, Kind = FaultKind.Partition, Peer = "A", Other = "server", DurationMs = 1_000 };

        Assert.Empty(ScenarioLoader.Validate(ScenarioSamples.WithFault(oneWay)));
        AssertProblem(ScenarioSamples.WithFault(partition), "$.timeline[0].other", "unknown peer \"server\"");
    }

    [Fact]
    public void A_peer_may_not_take_the_servers_name()
    {
        AssertProblem(ScenarioSamples.WithPeer(1, p => p with { Name = "server" }), "$.peers[1].name", "\"server\" is reserved");
    }

    [Fact]
    public void Plane_and_direction_are_only_for_the_kinds_that_take_them()
    {
        var drop = new FaultSpec { AtMs = 1_000, Kind = FaultKind.Offline, Peer = "A", DurationMs = 1_000, Plane = FaultPlane.Media, Direction = FaultDirection.Inbound };

        AssertProblem(ScenarioSamples.WithFault(drop), "$.timeline[0].plane", "offline does not use plane");
        AssertProblem(ScenarioSamples.WithFault(drop), "$.timeline[0].direction", "offline does not use direction");
    }

    [Fact]
    public void Stream_changes_are_checked_in_timeline_order_against_what_the_peer_publishes_then()
    {
        var scenario = ScenarioSamples.TwoPeers with
        {
            Timeline =
            [
                new FaultSpec { AtMs = 9_000, Kind = FaultKind.Unpublish, Peer = "A", Stream = "screenA" },
                new FaultSpec { AtMs = 5_000, Kind = FaultKind.Publish, Peer = "A", Stream = "screenA" },
                new FaultSpec { AtMs = 6_000, Kind = FaultKind.Publish, Peer = "A", Stream = "camA" },
                new FaultSpec { AtMs = 7_000, Kind = FaultKind.Unpublish, Peer = "B", Stream = "screenB" },
                new FaultSpec { AtMs = 8_000, Kind = FaultKind.Unpublish, Peer = "B", Stream = "camB" },
                new FaultSpec { AtMs = 8_000, Kind = FaultKind.ReplaceTrack, Peer = "B", Stream = "camB", Track = "t2" },
            ],
        };

        Assert.Equal(
            [
                "$.timeline[2].stream: publish of \"camA\" at 6000 ms, but A already publishes it.",
                "$.timeline[3].stream: unpublish of \"screenB\" at 7000 ms, but B does not publish it then.",
                "$.timeline[5].stream: replace-track of \"camB\" at 8000 ms, but B does not publish it then.",
            ],
            ScenarioLoader.Validate(scenario).Select(problem => problem.ToString()));
    }

    [Fact]
    public void Blank_stream_and_track_are_rejected()
    {
        var fault = new FaultSpec { AtMs = 1_000, Kind = FaultKind.ReplaceTrack, Peer = "A", Stream = " ", Track = "" };

        AssertProblem(ScenarioSamples.WithFault(fault), "$.timeline[0].stream", "stream must not be empty");
        AssertProblem(ScenarioSamples.WithFault(fault), "$.timeline[0].track", "track must not be empty");
    }

    [Fact]
    public void A_kick_code_the_server_would_refuse_is_rejected_before_the_run()
    {
        var kick = new FaultSpec { AtMs = 1_000, Kind = FaultKind.ServerKick, Peer = "A", Code = 2000 };

        AssertProblem(ScenarioSamples.WithFault(kick), "$.timeline[0].code", "code must be 1000 or in [3000, 4999]");
        Assert.Empty(ScenarioLoader.Validate(ScenarioSamples.WithFault(kick with { Code = 1000 })));
        Assert.Empty(ScenarioLoader.Validate(ScenarioSamples.WithFault(kick with { Code = 3000 })));
    }

    [Fact]
    public void Absurd_sizes_are_refused_naming_the_limit()
    {
        var peers = Enumerable.Range(0, ScenarioLimits.MaxPeers + 1).Select(i => new PeerSpec { Name = $"P{i}", Channel = "room" }).ToList();
        var scenario = ScenarioSamples.TwoPeers with
        {
            DurationMs = ScenarioLimits.MaxDurationMs + 1,
            RecoveryBoundMs = int.MaxValue,
            Network = new NetworkSettings { LatencyMs = 60_001 },
            Server = new ServerSettings { SilenceGraceMs = ScenarioLimits.MaxGraceMs + 1 },
            Peers = [.. peers, new PeerSpec { Name = "A", Channel = "room", Streams = [.. Enumerable.Range(0, 17).Select(i => new StreamSpec { Id = $"s{i}" })] }],
            Timeline =
            [
                new FaultSpec { AtMs = 1_000, Kind = FaultKind.Offline, Peer = "A", DurationMs = ScenarioLimits.MaxDurationMs + 1 },
                new FaultSpec { AtMs = 1_000, Kind = FaultKind.TokenFailures, Peer = "A", Count = 1_001 },
            ],
        };

        AssertProblem(scenario, "$.durationMs", "durationMs (21600001) is above the limit of 21600000 ms (6 h)");
        AssertProblem(scenario, "$.recoveryBoundMs", "is above the limit of 21600000 ms (6 h)");
        AssertProblem(scenario, "$.network.latencyMs", "latencyMs (60001) is above the limit of 60000 ms (60 s)");
        AssertProblem(scenario, "$.server.silenceGraceMs", "is above the limit of 3600000 ms (1 h)");
        AssertProblem(scenario, "$.peers", "66 peers is above the limit of 64 peers");
        AssertProblem(scenario, "$.peers[65].streams", "17 streams is above the limit of 16 streams per peer");
        AssertProblem(scenario, "$.timeline[0].durationMs", "is above the limit of 21600000 ms (6 h)");
        AssertProblem(scenario, "$.timeline[1].count", "count must be at least 1 and at most 1000 (was 1001)");
    }

    [Fact]
    public void Peer_counts_that_cannot_be_met_or_name_unknown_peers_are_rejected()
    {
        var scenario = ScenarioSamples.TwoPeers with
        {
            Expect = new ScenarioExpectations
            {
                PeerJoined = new SortedDictionary<string, PeerCount>(StringComparer.Ordinal)
                {
                    ["A"] = new PeerCount { Exactly = 1, Min = 0 },
                    ["B"] = new PeerCount { Reason = "left", Exactly = 1 },
                    ["Z"] = new PeerCount { Exactly = 1 },
                },
                PeerLeft = new SortedDictionary<string, PeerCount>(StringComparer.Ordinal)
                {
                    ["A"] = new PeerCount { Min = 3, Max = 2, Remote = "A" },
                    ["B"] = new PeerCount { Remote = "Q" },
                },
            },
        };

        AssertProblem(scenario, "$.expect.peerJoined.A", "takes exactly, or min and max, not both");
        AssertProblem(scenario, "$.expect.peerJoined.B.reason", "peer-joined has no reason");
        AssertProblem(scenario, "$.expect.peerJoined.Z", "unknown peer \"Z\"");
        AssertProblem(scenario, "$.expect.peerLeft.A.max", "max (2) is less than min (3)");
        AssertProblem(scenario, "$.expect.peerLeft.A.remote", "remote is the observer \"A\"");
        AssertProblem(scenario, "$.expect.peerLeft.B", "needs exactly, min or max");
        AssertProblem(scenario, "$.expect.peerLeft.B.remote", "unknown peer \"Q\"");
    }

    [Fact]
    public void A_terminal_error_code_must_be_terminal_and_listed_with_its_error()
    {
        var retried = ScenarioSamples.TwoPeers with { Expect = new ScenarioExpectations { TerminalErrorCode = 1006, Errors = ["TerminalCloseError"] } };
        var expired = ScenarioSamples.TwoPeers with { Expect = new ScenarioExpectations { TerminalErrorCode = 4002, Errors = ["TerminalCloseError"] } };
        var unlisted = ScenarioSamples.TwoPeers with { Expect = new ScenarioExpectations { TerminalErrorCode = 4005 } };

        AssertProblem(retried, "$.expect.terminalErrorCode", "1006 (abnormal) is not a terminal close code");
        AssertProblem(retried, "$.expect.terminalErrorCode", "terminal codes: 1007, 4001, 4002, 4003, 4004, 4005");
        Assert.Empty(ScenarioLoader.Validate(expired));
        AssertProblem(unlisted, "$.expect.errors", "terminalErrorCode is set, so errors must list TerminalCloseError");
    }

    private static void AssertProblem(Scenario scenario, string path, string fragment)
    {
        var problems = ScenarioLoader.Validate(scenario);
        Assert.True(
            problems.Any(problem => problem.Path == path && problem.Message.Contains(fragment, StringComparison.Ordinal)),
            $"Expected a problem at {path} containing '{fragment}'; got:\n{string.Join("\n", problems)}");
    }
}

using Reconnect.Core.Engine;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.Scenarios.Builder;

public sealed class ScenarioBuilderTests
{
    public static TheoryData<string> LibraryNames => new(LibraryInCSharp.ByName.Keys);

    [Theory]
    [MemberData(nameof(LibraryNames))]
    public void The_builder_writes_each_library_scenario_exactly_as_its_file(string name)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(RepositoryFolders.Scenarios, name + ".json"));

        var built = LibraryInCSharp.ByName[name]();

        Assert.Equal(ScenarioLoader.ToJson(loaded), ScenarioLoader.ToJson(built));
        Assert.Equal(loaded, built);
    }

    [Fact]
    public void The_library_written_with_the_builder_uses_every_fault_kind()
    {
        var used = LibraryInCSharp.ByName.Values.SelectMany(build => build().Timeline).Select(f => f.Kind).ToHashSet();

        Assert.Equal(Enum.GetValues<FaultKind>().Order(), used.Order());
    }

    [Fact]
    public void Every_fault_kind_has_a_builder_method_of_its_name()
    {
        var methods = typeof(ScenarioBuilder).GetMethods().Where(m => m.ReturnType == typeof(ScenarioBuilder)).Select(m => m.Name).ToHashSet();

        Assert.All(Enum.GetValues<FaultKind>(), kind => Assert.Contains(kind.ToString(), methods));
    }

    [Fact]
    public void Settings_peers_faults_and_expectations_the_library_leaves_out_match_their_json()
    {
        var built = ScenarioBuilder.Create("everything-else")
            .Seed(7)
            .Network(latency: TimeSpan.FromMilliseconds(60), jitter: TimeSpan.FromMilliseconds(10), loss: 0.01)
            .Network(jitter: TimeSpan.FromMilliseconds(12))
            .SilenceGrace(TimeSpan.FromSeconds(30))
            .Channel("room-7")
            .Peer("alice", p => p
                .Metadata("role", "host")
                .Publishes("cam", new Dictionary<string, string> { ["kind"] = "camera" })
                .WithoutNetworkSignals()
                .Options(o => o with { OnEvicted = EvictionChoice.Rejoin, IceGraceMs = 2000 })
                .Options(o => o with { OfflineProbe = false }))
            .Peer("bob", p => p.InChannel("room-7").JoinsAt(TimeSpan.FromSeconds(1)))
            .At(TimeSpan.FromSeconds(5))
            .MediaDrop("alice", TimeSpan.FromSeconds(2))
            .Latency(TimeSpan.FromMilliseconds(300), peer: "bob", plane: FaultPlane.Media)
            .Loss(0.1, peer: "alice")
            .At(TimeSpan.FromSeconds(6))
            .TokenHang("bob", TimeSpan.FromSeconds(3))
            .ServerCrash()
            .OneWayPartition("bob", "server", TimeSpan.FromSeconds(1), FaultDirection.Inbound)
            .OneWayLoss("alice", 0.5, TimeSpan.FromSeconds(4))
            .Expect(e => e.PeerLeftTotal(min: 0).PeerJoined("bob", new PeerCount { Min = 1, Max = 3, Remote = "alice" }))
            .Build();

        var json = """
            {
              "name": "everything-else", "seed": 7,
              "network": { "latencyMs": 60, "jitterMs": 12, "loss": 0.01 },
              "server": { "silenceGraceMs": 30000 },
              "peers": [
                { "name": "alice", "channel": "room-7", "metadata": { "role": "host" },
                  "streams": [{ "id": "cam", "metadata": { "kind": "camera" } }], "networkSignals": false,
                  "options": { "onEvicted": "rejoin", "iceGraceMs": 2000, "offlineProbe": false } },
                { "name": "bob", "channel": "room-7", "joinAtMs": 1000 }
              ],
              "timeline": [
                { "atMs": 5000, "kind": "media-drop", "peer": "alice", "durationMs": 2000 },
                { "atMs": 5000, "kind": "latency", "peer": "bob", "latencyMs": 300, "plane": "media" },
                { "atMs": 5000, "kind": "loss", "peer": "alice", "loss": 0.1 },
                { "atMs": 6000, "kind": "token-hang", "peer": "bob", "durationMs": 3000 },
                { "atMs": 6000, "kind": "server-crash" },
                { "atMs": 6000, "kind": "one-way-partition", "peer": "bob", "other": "server", "durationMs": 1000, "direction": "inbound" },
                { "atMs": 6000, "kind": "one-way-loss", "peer": "alice", "durationMs": 4000, "loss": 0.5 }
              ],
              "expect": { "minPeerLeft": 0, "peerJoined": { "bob": { "min": 1, "max": 3, "remote": "alice" } } }
            }
            """;
        Assert.Equal(ScenarioLoader.ToJson(ScenarioLoader.Parse(json, "everything-else.json")), ScenarioLoader.ToJson(built));
    }

    [Fact]
    public void A_scenario_without_expect_keeps_the_defaults_and_an_empty_expect_writes_none()
    {
        var bare = ScenarioBuilder.Create("bare").Peer("alice").Build();
        var empty = ScenarioBuilder.Create("bare").Peer("alice").Expect(_ => { }).Build();

        Assert.Null(bare.Expect);
        Assert.Equal(new ScenarioExpectations(), empty.Expect);
        Assert.Equal(new PeerSpec { Name = "alice", Channel = ScenarioBuilder.DefaultChannel }, Assert.Single(bare.Peers));
    }

    [Fact]
    public void An_invalid_build_throws_the_loaders_exception_with_the_same_problems()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioBuilder.Create("broken")
            .Peer("alice")
            .At(TimeSpan.FromSeconds(5))
            .Offline("carol", TimeSpan.FromSeconds(-1))
            .Partition("alice", "alice", TimeSpan.FromSeconds(2))
            .Expect(e => e.Evicted("alice"))
            .Build());
        var fromJson = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(
            """
            {
              "name": "broken",
              "peers": [{ "name": "alice", "channel": "room-42" }],
              "timeline": [
                { "atMs": 5000, "kind": "offline", "peer": "carol", "durationMs": -1000 },
                { "atMs": 5000, "kind": "partition", "peer": "alice", "other": "alice", "durationMs": 2000 }
              ],
              "expect": { "evictedPeers": ["alice"] }
            }
            """,
            "broken.json"));

        Assert.Equal(fromJson.Problems, error.Problems);
        Assert.Equal("broken (built in C#)", error.SourceName);
        Assert.StartsWith("Scenario 'broken (built in C#)' is not valid (4 problems):", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.timeline[0].peer: unknown peer \"carol\"; the peers are alice.", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.timeline[0].durationMs: durationMs must be positive (was -1000).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_with_no_peer_names_the_problem()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioBuilder.Create(" ").Build());

        Assert.Equal(
            [new ScenarioProblem("$.name", "name must not be empty."), new ScenarioProblem("$.peers", "a scenario needs at least one peer.")],
            error.Problems);
    }

    [Fact]
    public void A_time_that_is_not_whole_milliseconds_is_refused_where_it_is_given()
    {
        var builder = ScenarioBuilder.Create("fine").Peer("alice");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => builder.At(TimeSpan.FromTicks(15_000)));
        Assert.Equal("at", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Duration(TimeSpan.FromDays(30)));
    }

    [Fact]
    public void The_documented_built_scenario_runs_in_the_simulator_and_passes()
    {
        var scenario = ScenarioBuilder.Create("alice-offline-then-token-trouble")
            .Duration(TimeSpan.FromSeconds(40))
            .Peer("alice", p => p.Publishes("cam"))
            .Peer("bob", p => p.Publishes("cam").Options(o => o with { RetryFirstConnect = true }))
            .At(TimeSpan.FromSeconds(10)).Offline("alice", TimeSpan.FromSeconds(5))
            .At(TimeSpan.FromSeconds(20)).TokenFailures("bob", 2).SignallingDrop("bob", TimeSpan.FromSeconds(1))
            .At(TimeSpan.FromSeconds(25)).ServerRestart(TimeSpan.FromSeconds(3), retryAfter: TimeSpan.FromSeconds(1))
            .Expect(e => e.NoPeerLeft())
            .Build();

        var result = new SimWorld(scenario).Run();

        Assert.True(result.Passed(healExpected: true), $"SEED=0x{result.Seed:x}: {string.Join("; ", result.Violations.Concat(result.Misses))}");
    }
}

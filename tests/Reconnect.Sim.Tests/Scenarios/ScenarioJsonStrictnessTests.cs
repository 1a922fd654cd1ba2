using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios;

public sealed class ScenarioJsonStrictnessTests
{
    private const string Source = "strict.json";

    private const string Peers = """[{ "name": "A", "channel": "room" }, { "name": "B", "channel": "room" }]""";

    [Fact]
    public void Unknown_top_level_property_is_rejected_naming_it()
    {
        var error = Reject($$"""{ "name": "x", "peers": {{Peers}}, "seeed": 3 }""");

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.seeed", problem.Path);
        Assert.StartsWith("unknown property 'seeed' in Scenario.", problem.Message, StringComparison.Ordinal);
        Assert.Contains(Source, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fault_property_is_rejected_with_the_fault_path()
    {
        var error = Reject($$"""
            { "name": "x", "peers": {{Peers}},
              "timeline": [{ "atMs": 1000, "kind": "offline", "peer": "A", "duration": 5000 }] }
            """);

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.timeline[0].duration", problem.Path);
        Assert.StartsWith("unknown property 'duration' in FaultSpec.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fault_kind_is_rejected_listing_the_known_kinds()
    {
        var error = Reject($$"""
            { "name": "x", "peers": {{Peers}}, "timeline": [{ "atMs": 1000, "kind": "offlin", "peer": "A" }] }
            """);

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.timeline[0].kind", problem.Path);
        Assert.Contains("Unknown fault kind \"offlin\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"signalling-drop\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fault_kind_given_as_a_number_is_rejected()
    {
        var error = Reject($$"""
            { "name": "x", "peers": {{Peers}}, "timeline": [{ "atMs": 1000, "kind": 0, "peer": "A", "durationMs": 10 }] }
            """);

        Assert.Equal("$.timeline[0].kind", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void On_evicted_accepts_only_rejoin_or_stop()
    {
        var error = Reject("""
            { "name": "x", "peers": [{ "name": "A", "channel": "room", "options": { "onEvicted": "RejoinAsNew" } }] }
            """);

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.peers[0].options.onEvicted", problem.Path);
        Assert.Contains("\"rejoin\", \"stop\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_property_is_rejected()
    {
        var error = Reject($$"""{ "name": "x", "name": "y", "peers": {{Peers}} }""");

        Assert.Contains("name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_property_is_rejected_naming_it()
    {
        var error = Reject("""{ "name": "x", "peers": [{ "name": "A" }] }""");

        Assert.Contains("channel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_where_a_value_is_required_is_rejected()
    {
        var error = Reject($$"""{ "name": "x", "description": null, "peers": {{Peers}} }""");

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.description", problem.Path);
        Assert.StartsWith("'description' must not be null.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duration_written_as_a_string_is_rejected()
    {
        var error = Reject($$"""{ "name": "x", "durationMs": "30000", "peers": {{Peers}} }""");

        Assert.Equal("$.durationMs", Assert.Single(error.Problems).Path);
    }

    [Theory]
    [InlineData("\"durationMs\": 1e99", "$.durationMs: expected a whole number from -2147483648 to 2147483647")]
    [InlineData("\"recoveryBoundMs\": 1.5", "$.recoveryBoundMs: expected a whole number")]
    [InlineData("\"seed\": -1", "$.seed: expected a whole number from 0 to 18446744073709551615")]
    [InlineData("\"timeline\": [{ \"atMs\": 1, \"kind\": \"offline\", \"peer\": \"A\", \"durationMs\": \"5\" }]", "$.timeline[0].durationMs: expected a whole number")]
    [InlineData("\"network\": { \"loss\": \"a\" }", "$.network.loss: expected a number (no quotes)")]
    public void A_value_of_the_wrong_form_says_what_was_expected(string property, string problem)
    {
        var error = Reject($$"""{ "name": "x", "peers": {{Peers}}, {{property}} }""");

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_value_that_is_not_a_string_is_rejected()
    {
        var error = Reject("""{ "name": "x", "peers": [{ "name": "A", "channel": "room", "metadata": { "role": 3 } }] }""");

        Assert.Contains("\"role\" must be a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_key_given_twice_is_rejected()
    {
        var error = Reject("""{ "name": "x", "peers": [{ "name": "A", "channel": "room", "metadata": { "k": "1", "k": "2" } }] }""");

        Assert.Contains("\"k\" appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_plane_and_direction_names_are_rejected_listing_the_known_ones()
    {
        var plane = Reject($$"""{ "name": "x", "peers": {{Peers}}, "timeline": [{ "atMs": 1, "kind": "blackhole", "peer": "A", "durationMs": 5, "plane": "video" }] }""");
        var direction = Reject($$"""{ "name": "x", "peers": {{Peers}}, "timeline": [{ "atMs": 1, "kind": "one-way-partition", "peer": "A", "other": "server", "durationMs": 5, "direction": "up" }] }""");

        Assert.Contains("Unknown plane \"video\": expected one of \"signalling\", \"media\"", plane.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown direction \"up\": expected one of \"outbound\", \"inbound\"", direction.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_peer_count_is_a_whole_number_or_an_object_of_its_known_fields()
    {
        var json = $$"""{ "name": "x", "peers": {{Peers}}, "expect": { "peerJoined": { "A": 2 }, "peerLeft": { "A": { "min": 1, "reason": "left" } } } }""";

        var expect = ScenarioLoader.Parse(json, "inline").Expect!;

        Assert.Equal(new PeerCount { Exactly = 2 }, expect.PeerJoined["A"]);
        Assert.Equal(new PeerCount { Min = 1, Reason = "left" }, expect.PeerLeft["A"]);
        Assert.Contains("unknown property 'most' in a peer count", Reject($$"""{ "name": "x", "peers": {{Peers}}, "expect": { "peerLeft": { "A": { "most": 1 } } } }""").Message, StringComparison.Ordinal);
        Assert.Contains("'exactly' must be a whole number", Reject($$"""{ "name": "x", "peers": {{Peers}}, "expect": { "peerLeft": { "A": { "exactly": 1.5 } } } }""").Message, StringComparison.Ordinal);
        Assert.Contains("Expected a peer count", Reject($$"""{ "name": "x", "peers": {{Peers}}, "expect": { "peerLeft": { "A": "one" } } }""").Message, StringComparison.Ordinal);
        Assert.Contains("\"A\" appears twice", Reject($$"""{ "name": "x", "peers": {{Peers}}, "expect": { "peerLeft": { "A": 1, "A": 2 } } }""").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_document_is_rejected()
    {
        Assert.Equal("$", Assert.Single(Reject("null").Problems).Path);
    }

    [Fact]
    public void Malformed_json_is_rejected_with_its_line()
    {
        var error = Reject("{\n  \"name\": \"x\",\n  \"peers\": [,]\n}");

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_rejected_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-scenario-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

        Assert.Equal(path, error.SourceName);
        Assert.Contains("cannot read the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_fields_take_their_defaults()
    {
        var scenario = ScenarioLoader.Parse("""{ "name": "x", "peers": [{ "name": "A", "channel": "room" }] }""", Source);
        var peer = Assert.Single(scenario.Peers);

        Assert.Equal((1UL, 60_000, 180_000), (scenario.Seed, scenario.DurationMs, scenario.RecoveryBoundMs));
        Assert.Equal(new NetworkSettings { LatencyMs = 40, JitterMs = 5, Loss = 0.0 }, scenario.Network);
        Assert.Equal(45_000, scenario.Server.SilenceGraceMs);
        Assert.Equal(0, peer.JoinAtMs);
        Assert.True(peer.NetworkSignals);
        Assert.Equal(new PeerOptionsSpec(), peer.Options);
        Assert.Empty(scenario.Timeline);
        Assert.Null(scenario.Expect);
    }

    [Fact]
    public void Explicit_null_join_time_means_join_by_fault_only()
    {
        var scenario = ScenarioLoader.Parse("""
            { "name": "x",
              "peers": [{ "name": "A", "channel": "room" }, { "name": "C", "channel": "room", "joinAtMs": null }],
              "timeline": [{ "atMs": 500, "kind": "peer-join", "peer": "C" }] }
            """, Source);

        Assert.Null(scenario.Peers[1].JoinAtMs);
        Assert.Contains("\"joinAtMs\": null", ScenarioLoader.ToJson(scenario), StringComparison.Ordinal);
    }

    [Fact]
    public void Expectations_absent_inside_expect_take_their_defaults()
    {
        var scenario = ScenarioLoader.Parse($$"""{ "name": "x", "peers": {{Peers}}, "expect": {} }""", Source);

        Assert.Equal(new ScenarioExpectations { Healed = true, Errors = [], ClosedPeers = [], EvictedPeers = [] }, scenario.Expect);
    }

    private static ScenarioException Reject(string json)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, Source));
        Assert.Equal(Source, error.SourceName);
        Assert.NotEmpty(error.Problems);
        return error;
    }
}

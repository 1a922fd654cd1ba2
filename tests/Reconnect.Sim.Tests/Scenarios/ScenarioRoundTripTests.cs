using FsCheck.Xunit;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios;

[Properties(Arbitrary = [typeof(SimArbitraries)])]
public sealed class ScenarioRoundTripTests
{
    [Property]
    public void Generated_scenarios_are_valid_and_survive_to_json_and_back(Scenario scenario)
    {
        var json = ScenarioLoader.ToJson(scenario);
        var problems = ScenarioLoader.Validate(scenario);
        Assert.True(problems.Count == 0, $"Generated scenario is not valid: {string.Join("; ", problems)}\n{json}");

        var back = ScenarioLoader.Parse(json, "generated");

        Assert.True(back == scenario, $"Round trip changed the scenario.\nwritten:\n{json}\nread back and written again:\n{ScenarioLoader.ToJson(back)}");
        Assert.True(back.GetHashCode() == scenario.GetHashCode(), $"Equal scenarios hash differently:\n{json}");
        Assert.True(ScenarioLoader.ToJson(back) == json, $"Writing is not stable:\n{json}");
    }

    [Fact]
    public void Writing_leaves_out_defaults_and_keeps_the_declared_property_order()
    {
        var json = ScenarioLoader.ToJson(ScenarioSamples.TwoPeers with
        {
            Seed = 7,
            Peers = [ScenarioSamples.TwoPeers.Peers[0] with { Metadata = new Dictionary<string, string> { ["z"] = "1", ["a"] = "2" } }],
        });

        Assert.Equal(
            """
            {
              "name": "two-peers",
              "description": "A and B; A goes offline once.",
              "seed": 7,
              "durationMs": 30000,
              "peers": [
                {
                  "name": "A",
                  "channel": "room-42",
                  "metadata": {
                    "a": "2",
                    "z": "1"
                  },
                  "streams": [
                    {
                      "id": "camA"
                    }
                  ]
                }
              ],
              "timeline": [
                {
                  "atMs": 10000,
                  "kind": "offline",
                  "peer": "A",
                  "durationMs": 5000
                }
              ]
            }
            """.ReplaceLineEndings("\n"),
            json);
    }

    [Fact]
    public void Required_fields_are_written_even_when_they_hold_their_type_default()
    {
        var scenario = ScenarioSamples.WithFault(new FaultSpec { AtMs = 0, Kind = FaultKind.Offline, Peer = "A", DurationMs = 1 });

        Assert.Contains("\"atMs\": 0,\n      \"kind\": \"offline\"", ScenarioLoader.ToJson(scenario), StringComparison.Ordinal);
    }

    [Fact]
    public void Scenarios_differing_only_in_metadata_order_are_equal_and_write_the_same()
    {
        var forward = ScenarioSamples.WithPeer(0, p => p with { Metadata = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } });
        var backward = ScenarioSamples.WithPeer(0, p => p with { Metadata = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } });

        Assert.Equal(forward, backward);
        Assert.Equal(forward.GetHashCode(), backward.GetHashCode());
        Assert.Equal(ScenarioLoader.ToJson(forward), ScenarioLoader.ToJson(backward));
    }

    [Fact]
    public void Scenarios_differing_in_a_nested_list_item_are_not_equal()
    {
        var other = ScenarioSamples.WithPeer(1, p => p with { Streams = [new StreamSpec { Id = "camC" }] });

        Assert.NotEqual(ScenarioSamples.TwoPeers, other);
    }
}

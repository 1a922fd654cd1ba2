using Reconnect.Core.Engine;
using Reconnect.Sim.Exploration;
using Reconnect.Sim.Scenarios;
using Reconnect.Sim.Tests.Scenarios;
using Reconnect.Sim.World;

namespace Reconnect.Sim.Tests.Exploration;

public sealed class CoverageTests
{
    private const int SeedsPerScenario = 2;

    /// <summary>
    /// A media partition longer than the whole ICE restart ladder (about 137 s with its attempt timeouts): the one
    /// way to exhaust the ladder, which neither the library nor a 60 s generated safety phase can reach.
    /// </summary>
    private static readonly Scenario PartitionPastTheLadder = new()
    {
        Name = "partition-past-the-ladder",
        DurationMs = 200_000,
        Peers =
        [
            new PeerSpec { Name = "A", Channel = ExplorationCase.Channel, Streams = [new StreamSpec { Id = "camA" }] },
            new PeerSpec { Name = "B", Channel = ExplorationCase.Channel, Streams = [new StreamSpec { Id = "camB" }] },
        ],
        Timeline = [new FaultSpec { AtMs = 10_000, Kind = FaultKind.Partition, Peer = "A", Other = "B", DurationMs = 170_000 }],
    };

    [Fact]
    public void Library_scenarios_and_generated_schedules_reach_every_coverage_mark()
    {
        var reached = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var scenario in new ScenarioLibrary(RepositoryFolders.Scenarios).LoadAll().Append(PartitionPastTheLadder))
        {
            for (var offset = 0UL; offset < SeedsPerScenario; offset++)
            {
                Add(reached, new SimWorld(scenario, scenario.Seed + offset).Run().Coverage);
            }
        }

        Add(reached, new Explorer(maxShrinkRuns: 0).RunRandom(peers: 3, faults: 3, schedules: 40, seed: 0xC0DE).Coverage);
        Add(reached, new Explorer(maxShrinkRuns: 0).RunRandom(peers: 2, faults: 4, schedules: 40, seed: 0xC0DE).Coverage);

        var missing = CoverageMarks.All.Where(mark => !reached.ContainsKey(mark)).ToList();
        Assert.True(missing.Count == 0, $"coverage marks not reached: {string.Join(", ", missing)}; reached: {string.Join(", ", CoverageMarks.All.Where(reached.ContainsKey))}");
    }

    private static void Add(SortedDictionary<string, long> reached, IReadOnlyDictionary<string, long> coverage)
    {
        foreach (var (key, count) in coverage)
        {
            reached[key] = reached.TryGetValue(key, out var n) ? n + count : count;
        }
    }
}

using Reconnect.Core.Engine;
using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;
using Reconnect.Sim.Tests.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.Exploration;

public sealed class CoverageTests
{
    private const int SeedsPerScenario = 2;

    [Fact]
    public void Library_scenarios_and_generated_schedules_reach_every_coverage_mark()
    {
        var reached = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var scenario in new ScenarioLibrary(RepositoryFolders.Scenarios).LoadAll())
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

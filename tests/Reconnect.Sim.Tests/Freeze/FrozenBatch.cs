using System.Globalization;
using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;
using Reconnect.Sim.Tests.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.Freeze;

/// <summary>
/// What the freeze guard runs: every library scenario with its own seed, and the first <see cref="Schedules"/>
/// schedules that <c>explore --peers 3 --faults 3 --seed 0x1</c> draws, each on the production engine.
/// </summary>
internal static class FrozenBatch
{
    public const int Peers = 3;

    public const int Faults = 3;

    public const int Schedules = 500;

    public const ulong ExplorationSeed = 1;

    public static IReadOnlyList<FrozenCase> LibraryCases()
    {
        var library = new ScenarioLibrary(RepositoryFolders.Scenarios);
        return [.. library.Names.Select(name => new FrozenCase("scenario " + name, library.Load(name), FromLibrary: true))];
    }

    public static FrozenCase ScheduleCase(int index)
    {
        var scenario = Explorer.Generate(Peers, Faults, ExplorationSeed, index).ToScenario();
        return new FrozenCase(ScheduleKey(index, scenario.Seed), scenario, FromLibrary: false);
    }

    public static string ScheduleKey(int index, ulong seed) =>
        string.Create(CultureInfo.InvariantCulture, $"schedule {index:D3} 0x{seed:x16}");

    public static IReadOnlyList<FrozenCase> All() =>
        [.. LibraryCases()
            .Concat(Enumerable.Range(0, Schedules).AsParallel().AsOrdered().Select(ScheduleCase))
            .OrderBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>
    /// Runs every case once, spread over the cores: gives each key its trace hash, and each case that broke a safety
    /// invariant its violations.
    /// </summary>
    public static FrozenRuns Run(IReadOnlyList<FrozenCase> cases)
    {
        var results = new SimRunResult[cases.Count];
        Parallel.For(0, cases.Count, i => results[i] = new SimWorld(cases[i].Scenario).Run());
        return new FrozenRuns(
            new SortedDictionary<string, string>(cases.Select((c, i) => (c.Key, results[i].Trace.Hash())).ToDictionary(), StringComparer.Ordinal),
            [.. cases.Select((c, i) => (Case: c, results[i].Violations)).Where(r => r.Violations.Count > 0)]);
    }

    /// <summary>The SHA-256 of the case's trace (<see cref="Trace.TraceWriter.Hash"/>), run with the scenario's own seed.</summary>
    public static string Hash(FrozenCase frozen) => new SimWorld(frozen.Scenario).Run().Trace.Hash();
}

/// <summary>What running the frozen batch gave: each key's trace hash, and the cases that broke a safety invariant.</summary>
internal sealed record FrozenRuns(
    IReadOnlyDictionary<string, string> Hashes,
    IReadOnlyList<(FrozenCase Case, IReadOnlyList<string> Violations)> Broken);

using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Time;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Time;
using Reconnect.Testing.World;

namespace Reconnect.Testing.Exploration;

/// <summary>
/// Explores fault schedules against the production engine in the simulated world and checks a property of every
/// run (by default <see cref="HealingProperty"/>). Random mode draws schedules from FsCheck generators and shrinks
/// each failure to a minimal scenario; exhaustive mode runs every order of a fixed fault set and, for each, every
/// ordering of the events due at the same instant around the faults, up to a cap.
/// </summary>
public sealed class Explorer
{
    /// <summary>The shrink run budget used when none is given.</summary>
    public const int DefaultMaxShrinkRuns = 300;

    /// <summary>The run cap per schedule in exhaustive mode when none is given.</summary>
    public const int DefaultMaxRunsPerSchedule = 64;

    /// <summary>How long after the last fault slot same-instant orderings are still explored.</summary>
    public static readonly TimeSpan ChoiceWindow = TimeSpan.FromSeconds(5);

    private const int GenerationSize = 50;

    private readonly ExplorationProperty _property;
    private readonly TimeProvider _wallClock;
    private readonly int _maxShrinkRuns;

    /// <summary>Creates an explorer checking <paramref name="property"/> (default <see cref="HealingProperty.Check"/>).</summary>
    /// <param name="property">The property of one run.</param>
    /// <param name="wallClock">The clock of the wall-time budget; the system clock when null.</param>
    /// <param name="maxShrinkRuns">How many runs shrinking one failure may spend.</param>
    public Explorer(ExplorationProperty? property = null, TimeProvider? wallClock = null, int maxShrinkRuns = DefaultMaxShrinkRuns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxShrinkRuns);
        _property = property ?? HealingProperty.Check;
        _wallClock = wallClock ?? TimeProvider.System;
        _maxShrinkRuns = maxShrinkRuns;
    }

    /// <summary>
    /// The case a random exploration with <paramref name="seed"/> draws at <paramref name="index"/>: independent
    /// of how many schedules the exploration runs, so any one replays on its own.
    /// </summary>
    public static ExplorationCase Generate(int peers, int faults, ulong seed, int index)
    {
        var caseSeed = DeterministicRandom.FromSeed(seed).Fork(string.Create(CultureInfo.InvariantCulture, $"case {index}")).NextUInt64();
        return ExplorationArb.Cases(peers, faults).Sample(GenerationSize, new Rnd(caseSeed), 1)[0];
    }

    /// <summary>
    /// Runs <paramref name="schedules"/> generated cases (fewer if <paramref name="wallBudget"/> runs out) and
    /// shrinks every failing one to a minimal scenario.
    /// </summary>
    /// <param name="peers">Peers per case, 2 or 3.</param>
    /// <param name="faults">Faults per schedule.</param>
    /// <param name="schedules">How many schedules to explore.</param>
    /// <param name="seed">The exploration's seed; the same seed draws the same cases.</param>
    /// <param name="wallBudget">The wall time after which no new schedule starts.</param>
    /// <param name="progress">Told after each schedule.</param>
    public ExploreResult RunRandom(int peers, int faults, int schedules, ulong seed, TimeSpan? wallBudget = null, IProgress<ExploreProgress>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(peers, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(peers, ExplorationCase.MaxPeers);
        ArgumentOutOfRangeException.ThrowIfNegative(faults);
        ArgumentOutOfRangeException.ThrowIfNegative(schedules);
        var tally = new ExploreTally(_wallClock, wallBudget, schedules, progress);
        for (var index = 0; index < schedules && !tally.OutOfTime(); index++)
        {
            var generated = Generate(peers, faults, seed, index);
            var problems = Evaluate(generated, tally);
            if (problems.Count > 0)
            {
                var (minimal, minimalProblems, shrinkRuns) = FailureShrinker.Shrink(generated, problems, candidate => Evaluate(candidate, null), _maxShrinkRuns);
                tally.CountRuns(shrinkRuns);
                tally.Fail(new ExploreFailure(
                    generated.Seed, minimalProblems, ScenarioLoader.ToJson(minimal.ToScenario()), generated.Faults.Count, minimal.Faults.Count, shrinkRuns, []));
            }

            tally.ScheduleDone(capped: false);
        }

        return tally.Result();
    }

    /// <summary>
    /// Runs every order of the fixed fault set (<see cref="FaultOrders"/>) and, for each, every ordering of the
    /// events due at the same instant from the first fault slot to <see cref="ChoiceWindow"/> after the last, up to
    /// <paramref name="maxRunsPerSchedule"/> runs per schedule.
    /// </summary>
    /// <param name="peers">Peers, 2 or 3.</param>
    /// <param name="faults">Faults, 1 to 3.</param>
    /// <param name="seed">The seed of every run.</param>
    /// <param name="maxRunsPerSchedule">The most orderings explored per schedule.</param>
    /// <param name="wallBudget">The wall time after which no new run starts.</param>
    /// <param name="progress">Told after each schedule.</param>
    public ExploreResult RunExhaustive(int peers, int faults, ulong seed, int maxRunsPerSchedule = DefaultMaxRunsPerSchedule, TimeSpan? wallBudget = null, IProgress<ExploreProgress>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRunsPerSchedule);
        var schedules = FaultOrders.Schedules(peers, faults);
        var from = TimeSpan.FromMilliseconds(FaultOrders.Slots[0]);
        var to = TimeSpan.FromMilliseconds(FaultOrders.Slots[faults]) + ChoiceWindow;
        var tally = new ExploreTally(_wallClock, wallBudget, schedules.Count, progress);
        foreach (var schedule in schedules)
        {
            if (tally.OutOfTime())
            {
                break;
            }

            var explored = new ExplorationCase(seed, [.. Enumerable.Repeat(PeerSetup.Baseline, peers)], schedule);
            var scenario = explored.ToScenario();
            var capped = false;
            var runs = ExhaustiveChoiceExplorer.Explore(
                chooser =>
                {
                    var windowed = new WindowedChooser(chooser, from, to);
                    return Evaluate(scenario, windowed, tally);
                },
                int.MaxValue);
            foreach (var run in runs.Take(maxRunsPerSchedule))
            {
                capped = run.Index + 1 == maxRunsPerSchedule && run.Choices.Any(c => c.Chosen + 1 < c.Offered);
                if (run.Result.Count > 0)
                {
                    tally.Fail(new ExploreFailure(seed, run.Result, ScenarioLoader.ToJson(scenario), schedule.Count, schedule.Count, 0, run.Script, ((long)from.TotalMilliseconds, (long)to.TotalMilliseconds)));
                    capped = false;
                    break;
                }

                if (tally.OutOfTime())
                {
                    break;
                }
            }

            tally.ScheduleDone(capped);
        }

        return tally.Result();
    }

    /// <summary>Runs one case with its seed and returns every problem the property finds; empty when it passes.</summary>
    public IReadOnlyList<string> Check(ExplorationCase explored)
    {
        ArgumentNullException.ThrowIfNull(explored);
        return Evaluate(explored, null);
    }

    private IReadOnlyList<string> Evaluate(ExplorationCase explored, ExploreTally? tally) =>
        Evaluate(explored.ToScenario(), null, tally);

    private IReadOnlyList<string> Evaluate(Scenario scenario, WindowedChooser? chooser, ExploreTally? tally)
    {
        tally?.CountRuns(1);
        try
        {
            var world = new SimWorld(scenario, null, chooser);
            chooser?.Bind(world.Time);
            var result = world.Run();
            tally?.Cover(result.Coverage);
            return _property(new RunOutcome(scenario, world, result));
        }
        catch (Exception error) when (error is not (OutOfMemoryException or ExplorationCapExceededException))
        {
            return [string.Create(CultureInfo.InvariantCulture, $"SEED=0x{scenario.Seed:x}: the run threw {error.GetType().Name}: {error.Message}")];
        }
    }
}

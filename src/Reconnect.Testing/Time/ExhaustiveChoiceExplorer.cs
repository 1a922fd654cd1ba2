namespace Reconnect.Testing.Time;

/// <summary>
/// Enumerates every ordering of same-instant events a deterministic run can take, depth first,
/// without cloning state: each run starts from scratch with a scripted prefix of choices (FIFO after
/// it), records the branching factor at each choice point, and the next prefix bumps the deepest
/// choice that still has an untried alternative.
/// </summary>
public static class ExhaustiveChoiceExplorer
{
    /// <summary>The run cap used when none is given.</summary>
    public const int DefaultMaxRuns = 10_000;

    /// <summary>
    /// Lazily runs <paramref name="run"/> once per choice sequence, passing the chooser the run must
    /// give its <see cref="VirtualTimeProvider"/>. Throws <see cref="ExplorationCapExceededException"/>
    /// when sequences remain after <paramref name="maxRuns"/> runs, and <see cref="InvalidOperationException"/>
    /// when a run does not replay its scripted prefix (the run is not deterministic).
    /// </summary>
    public static IEnumerable<ExploredRun<T>> Explore<T>(Func<IEventChooser, T> run, int maxRuns = DefaultMaxRuns)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRuns);
        return ExploreDepthFirst(run, maxRuns);
    }

    private static IEnumerable<ExploredRun<T>> ExploreDepthFirst<T>(Func<IEventChooser, T> run, int maxRuns)
    {
        IReadOnlyList<int>? script = [];
        for (var index = 0; script is not null; index++)
        {
            if (index == maxRuns)
            {
                throw new ExplorationCapExceededException(maxRuns, script);
            }

            var scripted = new ScriptedChooser(script);
            var recorder = new RecordingChooser(scripted);
            var result = run(recorder);
            if (!scripted.IsExhausted)
            {
                throw new InvalidOperationException(
                    $"Run {index} made {recorder.Choices.Count} choice(s) but its script has {script.Count}: "
                    + $"the run is not deterministic (script [{string.Join(", ", script)}]).");
            }

            yield return new ExploredRun<T>(index, result, recorder.Choices);
            script = NextScript(recorder.Choices);
        }
    }

    private static int[]? NextScript(IReadOnlyList<ChoicePoint> choices)
    {
        for (var depth = choices.Count - 1; depth >= 0; depth--)
        {
            if (choices[depth].Chosen + 1 < choices[depth].Offered)
            {
                var next = new int[depth + 1];
                for (var i = 0; i < depth; i++)
                {
                    next[i] = choices[i].Chosen;
                }

                next[depth] = choices[depth].Chosen + 1;
                return next;
            }
        }

        return null;
    }
}

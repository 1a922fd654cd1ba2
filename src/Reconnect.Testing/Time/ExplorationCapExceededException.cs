namespace Reconnect.Testing.Time;

/// <summary>
/// Thrown when an exhaustive exploration still has unexplored choice sequences after its run cap.
/// To explore only a bounded number of runs on purpose, take that many from the sequence instead.
/// </summary>
public sealed class ExplorationCapExceededException : Exception
{
    /// <summary>Creates the exception for a cap reached with <paramref name="nextScript"/> still to run.</summary>
    public ExplorationCapExceededException(int maxRuns, IReadOnlyList<int> nextScript)
        : base($"Exploration cap of {maxRuns} runs reached with choice sequences left; next script: "
            + $"[{string.Join(", ", nextScript)}].")
    {
        MaxRuns = maxRuns;
        NextScript = nextScript;
    }

    /// <summary>The run cap that was reached.</summary>
    public int MaxRuns { get; }

    /// <summary>The scripted prefix of the first run not explored.</summary>
    public IReadOnlyList<int> NextScript { get; }
}

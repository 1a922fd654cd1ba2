namespace Reconnect.Testing.Time;

/// <summary>A scripted choice does not fit the items due at its choice point: the replayed run is not the recorded one.</summary>
public sealed class ReplayDivergedException : InvalidOperationException
{
    /// <summary>Creates the exception for scripted choice number <paramref name="position"/>.</summary>
    public ReplayDivergedException(int position, int choice, IReadOnlyList<string> labelsDueNow)
        : base($"Scripted choice #{position} is {choice} but {labelsDueNow?.Count ?? 0} items are due "
            + $"([{string.Join(", ", labelsDueNow ?? [])}]): the replay diverged.")
    {
        Position = position;
        Choice = choice;
    }

    /// <summary>Which scripted choice did not fit, from 0.</summary>
    public int Position { get; }

    /// <summary>The scripted index.</summary>
    public int Choice { get; }
}

namespace Reconnect.Testing.Time;

/// <summary>One run of an exhaustive exploration: its result and the choices that produced it.</summary>
/// <param name="Index">The run's position in depth-first order, from zero.</param>
/// <param name="Result">What the run function returned.</param>
/// <param name="Choices">Every choice made during the run, with the number of items offered.</param>
public sealed record ExploredRun<T>(int Index, T Result, IReadOnlyList<ChoicePoint> Choices)
{
    /// <summary>The chosen indices, ready to replay this run with a <see cref="ScriptedChooser"/>.</summary>
    public IReadOnlyList<int> Script => [.. Choices.Select(c => c.Chosen)];
}

namespace Reconnect.Sim.Scenarios;

/// <summary>A scenario could not be read or is not valid; the message names the source and every problem.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception for the problems found in a source.</summary>
    public ScenarioException(string sourceName, IReadOnlyList<ScenarioProblem> problems, Exception? innerException = null)
        : base(Describe(sourceName, problems), innerException)
    {
        SourceName = sourceName;
        Problems = problems;
    }

    /// <summary>The file (or other source) the scenario came from.</summary>
    public string SourceName { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; }

    private static string Describe(string sourceName, IReadOnlyList<ScenarioProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return $"Scenario '{sourceName}' is not valid ({count}):"
            + string.Concat(problems.Select(problem => $"\n  {problem}"));
    }
}

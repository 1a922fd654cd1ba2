namespace Reconnect.Testing.Scenarios;

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

    private ScenarioException(string sourceName, string why)
        : base($"Scenario '{sourceName}' was not found: {why}")
    {
        SourceName = sourceName;
        Problems = [new ScenarioProblem("$", why)];
    }

    /// <summary>The file (or other source) the scenario came from.</summary>
    public string SourceName { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; }

    /// <summary>The scenario a user named is not there (no such file, a folder, an unknown library name); <paramref name="why"/> says which.</summary>
    public static ScenarioException NotFound(string sourceName, string why) => new(sourceName, why);

    private static string Describe(string sourceName, IReadOnlyList<ScenarioProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return $"Scenario '{sourceName}' is not valid ({count}):"
            + string.Concat(problems.Select(problem => $"\n  {problem}"));
    }
}

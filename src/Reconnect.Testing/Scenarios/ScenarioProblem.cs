namespace Reconnect.Testing.Scenarios;

/// <summary>One thing wrong with a scenario, located by a JSON path such as <c>$.timeline[2].durationMs</c>.</summary>
/// <param name="Path">Where the problem is, as a JSON path.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ScenarioProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}

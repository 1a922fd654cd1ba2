namespace Reconnect.Sim.Tests.Scenarios;

/// <summary>The repository's folders, found by walking up from the test binaries to Reconnect.sln.</summary>
internal static class RepositoryFolders
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string ScenarioDocs => Path.Combine(Root, "docs", "scenarios.md");

    public static IReadOnlyList<string> ScenarioFiles =>
        [.. Directory.EnumerateFiles(Scenarios, "*.json")
            .Where(path => !path.EndsWith(".received.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Reconnect.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Reconnect.sln above {AppContext.BaseDirectory}.");
    }
}

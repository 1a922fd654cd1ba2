namespace Reconnect.Browser.Harness.Hosting;

/// <summary>Where the tests write: the repository of the build (five folders above the test binaries).</summary>
public static class RepositoryPaths
{
    /// <summary>The repository's root.</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    /// <summary><c>TestResults/browser</c>: each page's trace and the screenshots not accepted, created on first use.</summary>
    public static string Results => Directory.CreateDirectory(Path.Combine(Root, "TestResults", "browser")).FullName;

    /// <summary><c>docs/screenshots</c>: the committed screenshots of the call page.</summary>
    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");
}

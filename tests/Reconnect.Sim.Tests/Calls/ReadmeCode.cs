namespace Reconnect.Sim.Tests.Calls;

/// <summary>The code a README section shows: the first C# block after its heading, with line ends normalized.</summary>
internal static class ReadmeCode
{
    /// <summary>The first <c>```csharp</c> block after <paramref name="heading"/> in the repository's README.md.</summary>
    public static string After(string heading)
    {
        var readme = Normalize(System.IO.File.ReadAllText(RepositoryFiles.Path("README.md")));
        var section = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(section >= 0, $"README.md has no '{heading}' section");
        var open = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        var close = readme.IndexOf("```\n", open, StringComparison.Ordinal);
        return readme[open..close];
    }

    /// <summary>A repository file's text, with line ends normalized.</summary>
    public static string File(params string[] parts) => Normalize(System.IO.File.ReadAllText(RepositoryFiles.Path(parts)));

    /// <summary>The lines that hold code (not blank).</summary>
    public static int CodeLines(string code) => code.Split('\n').Count(line => line.Trim().Length > 0);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

using System.Reflection;

namespace Reconnect.Sim.Tests.Calls;

/// <summary>The hello-world sample runs, heals and keeps identity; the README shows its code verbatim.</summary>
public sealed class HelloWorldSampleTests
{
    private const string ReadmeHeading = "## Hello world in virtual time";

    [Fact]
    public async Task The_sample_exits_0_after_the_heal_with_the_same_remote_peer()
    {
        var entry = Assembly.Load("HelloWorld").EntryPoint!;
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        int exitCode;
        try
        {
            exitCode = await Task.Run(() => (int)entry.Invoke(null, [Array.Empty<string>()])!, TestContext.Current.CancellationToken);
        }
        finally
        {
            Console.SetOut(previous);
        }

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        Assert.Contains("fault      alice offline for 5.000s", text, StringComparison.Ordinal);
        Assert.Contains("alice: reconnecting -> joined", text, StringComparison.Ordinal);
        Assert.Contains("heal       *", text, StringComparison.Ordinal);
        Assert.Contains("healed: True", text, StringComparison.Ordinal);
        Assert.Contains("bob is the same RemotePeer: True", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_shows_the_sample_verbatim()
    {
        var program = Normalize(File.ReadAllText(RepositoryFiles.Path("samples", "HelloWorld", "Program.cs")));
        var readme = Normalize(File.ReadAllText(RepositoryFiles.Path("README.md")));
        var section = readme.IndexOf(ReadmeHeading + "\n", StringComparison.Ordinal);
        Assert.True(section >= 0, $"README.md has no '{ReadmeHeading}' section");
        var open = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        var close = readme.IndexOf("```\n", open, StringComparison.Ordinal);

        Assert.Equal(program, readme[open..close]);
        Assert.True(UserLines(program) <= 25, $"the hello world has {UserLines(program)} lines of code, more than 25");
    }

    private static int UserLines(string code) => code.Split('\n').Count(line => line.Trim().Length > 0);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

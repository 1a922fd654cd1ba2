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
        var program = ReadmeCode.File("samples", "HelloWorld", "Program.cs");

        Assert.Equal(program, ReadmeCode.After(ReadmeHeading));
        Assert.True(ReadmeCode.CodeLines(program) <= 25, $"the hello world has {ReadmeCode.CodeLines(program)} lines of code, more than 25");
    }
}

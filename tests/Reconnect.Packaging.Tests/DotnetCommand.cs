using System.Diagnostics;
using System.Text;

namespace Reconnect.Packaging.Tests;

/// <summary>The outcome of one child process: its exit code and everything it wrote, both streams interleaved.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output and standard error, in arrival order.</param>
public sealed record CommandResult(int ExitCode, string Output);

/// <summary>
/// Runs the <c>dotnet</c> CLI (or a program) as a child process with a clean MSBuild environment (nothing inherited from
/// the <c>dotnet test</c> that started this test), NuGet's packages folder set, and a bound on its run time.
/// </summary>
internal static class DotnetCommand
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public static Task<CommandResult> RunAsync(string workingDirectory, string packagesFolder, params string[] arguments) =>
        RunProgramAsync("dotnet", workingDirectory, packagesFolder, arguments);

    public static async Task<CommandResult> RunProgramAsync(string program, string workingDirectory, string packagesFolder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(IsBuildHostVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NUGET_PACKAGES"] = packagesFolder;
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            Append(output, $"killed after {Patience.TotalMinutes} minutes");
        }

        lock (output)
        {
            return new CommandResult(process.ExitCode, $"{program} {string.Join(' ', arguments)}\n{output}");
        }
    }

    /// <summary>Variables the SDK sets for the MSBuild of the <c>dotnet test</c> that runs the tests; a child build must find its own.</summary>
    private static bool IsBuildHostVariable(string name) => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

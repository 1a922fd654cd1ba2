using System.Diagnostics;
using Reconnect.Browser.Harness.Hosting;

namespace Reconnect.Browser.Harness.Network;

/// <summary>
/// The root tools behind a namespaced page and its faults: <c>ip</c> (iproute2) and <c>nft</c> (nftables), run as root.
/// Missing tools or privileges fail with what to install or how to run; a command that fails throws with its error output.
/// </summary>
public static class NetworkTools
{
    public const string Ip = "/usr/bin/ip";

    public const string Nft = "/usr/sbin/nft";

    /// <summary>Throws, saying what is missing, unless <c>ip</c> and <c>nft</c> are installed and this process runs as root.</summary>
    public static void Require()
    {
        RequiredTool.Find(Ip, "iproute2");
        RequiredTool.Find(Nft, "nftables");
        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException(
                "Network namespaces, veth links and nft tables need root (CAP_NET_ADMIN): run the tests that use them as root.");
        }
    }

    /// <summary>Runs <paramref name="tool"/> with <paramref name="arguments"/> (and <paramref name="input"/> on its standard input) and returns its output.</summary>
    public static async Task<string> RunAsync(string tool, IEnumerable<string> arguments, string? input = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input).ConfigureAwait(false);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{tool} {string.Join(' ', start.ArgumentList)}` failed with {process.ExitCode}: {(await error.ConfigureAwait(false)).Trim()}");
        }

        return await output.ConfigureAwait(false);
    }

    /// <summary>Runs <c>ip</c> with <paramref name="arguments"/>.</summary>
    public static Task<string> IpAsync(params string[] arguments) => RunAsync(Ip, arguments);
}

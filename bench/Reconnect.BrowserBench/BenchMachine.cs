using System.Globalization;
using System.Runtime.InteropServices;

namespace Reconnect.BrowserBench;

/// <summary>What the bench ran on: cores, operating system, runtime, and the load (the machine may be shared).</summary>
internal static class BenchMachine
{
    /// <summary>The machine in one line, with its load average now.</summary>
    public static string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; {Load("at the start")}");

    /// <summary>The 1, 5 and 15 minute load averages (Linux), labelled <paramref name="when"/>.</summary>
    public static string Load(string when)
    {
        const string path = "/proc/loadavg";
        var parts = File.Exists(path) ? File.ReadAllText(path).Split(' ') : [];
        return parts.Length >= 3 ? $"load average {when} {parts[0]} {parts[1]} {parts[2]}" : $"load average {when} unknown";
    }
}

using System.Globalization;
using System.Text;
using Reconnect.Sim.Tests.Scenarios;

namespace Reconnect.Sim.Tests.Freeze;

/// <summary>
/// The golden file of frozen trace hashes, <c>tests/Reconnect.Sim.Tests/Freeze/trace-hashes.txt</c>: a comment
/// header, then one line <c>KEY HASH</c> per run, sorted by key (ordinal), each ended by <c>\n</c>.
/// </summary>
internal static class TraceHashFile
{
    public const string AcceptVariable = "RECONNECT_ACCEPT_TRACE_HASHES";

    public const string AcceptCommand = AcceptVariable + "=1 dotnet test tests/Reconnect.Sim.Tests -c Release --filter \"FullyQualifiedName~Freeze\"";

    public const string ReceivedPattern = "*.received.*";

    public static string Folder => Path.Combine(RepositoryFolders.Root, "tests", "Reconnect.Sim.Tests", "Freeze");

    public static string GoldenPath => Path.Combine(Folder, "trace-hashes.txt");

    public static string ReceivedPath => Path.Combine(Folder, "trace-hashes.received.txt");

    /// <summary>The path of a file in the repository as written in a command: relative to the root, with <c>/</c>.</summary>
    public static string Relative(string path) => Path.GetRelativePath(RepositoryFolders.Root, path).Replace('\\', '/');

    public static string Render(IReadOnlyDictionary<string, string> hashes)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# SHA-256 trace hashes of every library scenario and of the first {FrozenBatch.Schedules} schedules of\n")
            .Append(CultureInfo.InvariantCulture, $"# `explore --peers {FrozenBatch.Peers} --faults {FrozenBatch.Faults} --seed 0x{FrozenBatch.ExplorationSeed:x}` (schedule INDEX SEED), on the production engine.\n")
            .Append("# Checked by TraceFreezeTests (docs/trace.md, Frozen behaviour). Accept a named behaviour change:\n")
            .Append("# ").Append(AcceptCommand).Append('\n');
        foreach (var (key, hash) in hashes.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(' ').Append(hash).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The key and hash of every line that is neither blank nor a <c>#</c> comment.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var split = line.LastIndexOf(' ');
            if (split <= 0 || !entries.TryAdd(line[..split], line[(split + 1)..]))
            {
                throw new FormatException($"{Relative(GoldenPath)}: '{line}' is not a line KEY HASH with a key seen once.");
            }
        }

        return entries;
    }
}

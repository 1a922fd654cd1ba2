namespace Reconnect.Core.Tests.Architecture;

public sealed class CoreSourcePurityTests
{
    private static readonly string[] BannedApis =
    [
        "DateTime.Now",
        "DateTime.UtcNow",
        "DateTimeOffset.Now",
        "DateTimeOffset.UtcNow",
        "Stopwatch",
        "Environment.TickCount",
        "Task.Delay",
        "Thread.Sleep",
        "new Timer(",
        "System.Threading.Timer",
        "Random.Shared",
        "new Random(",
        "Guid.NewGuid",
        " async ",
        "await ",
        "lock (",
    ];

    [Fact]
    public void Core_source_uses_no_clock_timer_random_source_async_or_lock()
    {
        var core = Path.Combine(RepositoryRoot.Path, "src", "Reconnect.Core");
        var sources = CoreSources(core);
        var hits = new List<string>();
        foreach (var file in sources)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var banned in BannedApis.Where(b => lines[i].Contains(b, StringComparison.Ordinal)))
                {
                    hits.Add($"{Path.GetRelativePath(RepositoryRoot.Path, file)}:{i + 1}: '{banned.Trim()}' in: {lines[i].Trim()}");
                }
            }
        }

        Assert.NotEmpty(sources);
        Assert.True(hits.Count == 0, "Reconnect.Core must stay pure; banned APIs found:\n" + string.Join('\n', hits));
    }

    private static List<string> CoreSources(string core)
    {
        var build = new[] { Path.Combine(core, "bin") + Path.DirectorySeparatorChar, Path.Combine(core, "obj") + Path.DirectorySeparatorChar };
        return
        [
            .. Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
                .Where(f => !build.Any(b => f.StartsWith(b, StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal),
        ];
    }
}

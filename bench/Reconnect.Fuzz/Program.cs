using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Reconnect.Core.Protocol;
using Reconnect.Server.Tests.Fuzz;

// dotnet run -c Release --project bench/Reconnect.Fuzz -- [--count N] [--seed 0x...] [--server URL] [--admin-key KEY] [--workers W]
// Without --server: N fuzzed frames per direction through the codec. With --server: N frames to that live server
// (it must serve /dev/token); --admin-key adds the leak check. Exit code 0 when no problem was found.
var options = Options.Parse(args);
if (options.Server is null)
{
    return Codec(options.Count, options.Seed);
}

using var http = new HttpClient { BaseAddress = options.Server };
if (options.AdminKey is not null)
{
    http.DefaultRequestHeaders.Add("X-Admin-Key", options.AdminKey);
}

var target = new FuzzTarget(
    new Uri(options.Server, "/signal") is var signal ? new UriBuilder(signal) { Scheme = signal.Scheme == "https" ? "wss" : "ws" }.Uri : null!,
    async (account, channels) =>
    {
        using var response = await http.PostAsJsonAsync("/dev/token", new { account, channel = channels });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    },
    options.AdminKey is null ? null : () => AdminPeers.ListAsync(http));
var report = await LiveFuzzCampaign.RunAsync(target, options.Seed, options.Count, options.Workers, oversizedBytes: 300_000, settle: TimeSpan.FromMinutes(2), CancellationToken.None);
foreach (var problem in report.Problems.Take(50))
{
    Console.WriteLine(problem);
}

Console.WriteLine(report.Summary());
return report.Problems.Count == 0 ? 0 : 1;

static int Codec(long count, ulong seed)
{
    var clock = Stopwatch.StartNew();
    var fuzzer = new FrameFuzzer(seed);
    var failures = 0;
    for (var i = 0L; i < count; i++)
    {
        foreach (var frame in new[] { fuzzer.NextClientFrame(), fuzzer.NextServerFrame() })
        {
            try
            {
                _ = ProtocolCodec.TryDecodeClientMessage(frame.Text, out _, out _);
                _ = ProtocolCodec.TryDecodeServerMessage(frame.Text, out _, out _);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures++;
                Console.WriteLine($"{ex.GetType().Name} {ex.Message}: {frame}");
            }
        }
    }

    Console.WriteLine($"{FuzzSeed.Tag(seed)} codec frames={2 * count} elapsed={clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s exceptions={failures}");
    return failures == 0 ? 0 : 1;
}

/// <summary>The command line: frame count, seed, optional live server, admin key and worker count.</summary>
internal sealed record Options(long Count, ulong Seed, Uri? Server, string? AdminKey, int Workers)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Options(
            long.Parse(Value("--count") ?? "100000", CultureInfo.InvariantCulture),
            Value("--seed") is { } seed ? FuzzSeed.Parse(seed) : FuzzSeed.Default,
            Value("--server") is { } server ? new Uri(server) : null,
            Value("--admin-key"),
            int.Parse(Value("--workers") ?? "6", CultureInfo.InvariantCulture));
    }
}

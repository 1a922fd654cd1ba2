using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Reconnect.Core.Protocol;
using Reconnect.Server.Tests.Fuzz;

var count = new Option<long>("--count") { Description = "Fuzzed frames: without --server, N frames of each direction (client and server messages, 2N decodes in all); with --server, N frames sent to the live server.", DefaultValueFactory = _ => 100_000 };
var seed = new Option<string?>("--seed") { Description = "The fuzzer's seed, hex (0x...), to replay a run; default: the fixed seed the tests use." };
var server = new Option<string?>("--server") { Description = "A live server's base address (http://host:port) serving /dev/token; default: fuzz the codec only." };
var adminKey = new Option<string?>("--admin-key") { Description = "The server's admin key, to check that no session leaked." };
var workers = new Option<int>("--workers") { Description = "Connections fuzzing the live server at once.", DefaultValueFactory = _ => 6 };
var root = new RootCommand("Reconnect fuzzer: grammar-aware mutated frames to the codec, or to a live server. Exit code 0 when no problem was found, 1 on a problem, 2 on a bad argument.")
{
    count, seed, server, adminKey, workers,
};
root.SetAction(async (parse, cancel) =>
{
    var frames = parse.GetValue(count);
    var fuzzSeed = FuzzSeed.Default;
    if (parse.GetValue(seed) is { } text && !TryParseSeed(text, out fuzzSeed))
    {
        await Console.Error.WriteLineAsync($"--seed must be a hex number such as 0x5EEDF022, not '{text}'.");
        return 2;
    }

    if (frames < 1 || parse.GetValue(workers) < 1)
    {
        await Console.Error.WriteLineAsync("--count and --workers must be at least 1.");
        return 2;
    }

    if (parse.GetValue(server) is not { } address)
    {
        return Codec(frames, fuzzSeed);
    }

    if (!Uri.TryCreate(address, UriKind.Absolute, out var live) || live.Scheme is not ("http" or "https"))
    {
        await Console.Error.WriteLineAsync($"--server must be a server's http or https base address such as http://127.0.0.1:5080, not '{address}'.");
        return 2;
    }

    try
    {
        return await LiveAsync(live, parse.GetValue(adminKey), fuzzSeed, frames, parse.GetValue(workers));
    }
    catch (HttpRequestException unreachable)
    {
        await Console.Error.WriteLineAsync($"The server at {live} did not answer: {unreachable.Message}");
        return 1;
    }
});
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var problem in parsed.Errors)
    {
        await Console.Error.WriteLineAsync(problem.Message);
    }

    await Console.Error.WriteLineAsync("Run with --help for the options.");
    return 2;
}

return await parsed.InvokeAsync();

static bool TryParseSeed(string text, out ulong seed)
{
    try
    {
        seed = FuzzSeed.Parse(text);
        return true;
    }
    catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
    {
        seed = 0;
        return false;
    }
}

static async Task<int> LiveAsync(Uri live, string? adminKey, ulong seed, long frames, int workers)
{
    using var http = new HttpClient { BaseAddress = live };
    if (adminKey is not null)
    {
        http.DefaultRequestHeaders.Add("X-Admin-Key", adminKey);
    }

    var signal = new Uri(live, "/signal");
    var target = new FuzzTarget(
        new UriBuilder(signal) { Scheme = signal.Scheme == "https" ? "wss" : "ws" }.Uri,
        async (account, channels) =>
        {
            using var response = await http.PostAsJsonAsync("/dev/token", new { account, channel = channels });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        },
        adminKey is null ? null : () => AdminPeers.ListAsync(http));
    var report = await LiveFuzzCampaign.RunAsync(target, seed, frames, workers, oversizedBytes: 300_000, settle: TimeSpan.FromMinutes(2), CancellationToken.None);
    foreach (var problem in report.Problems.Take(50))
    {
        Console.WriteLine(problem);
    }

    Console.WriteLine(report.Summary());
    return report.Problems.Count == 0 ? 0 : 1;
}

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

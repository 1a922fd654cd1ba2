using System.Diagnostics;

namespace Reconnect.LoadBench;

/// <summary>
/// One load run: N real WebSocket clients join their channels, every roster becomes whole, then every connection is cut
/// at once (a reconnect storm) and the run measures how long until every roster is whole again and whether any roster
/// entry was lost.
/// </summary>
internal static class LoadRun
{
    /// <summary>Runs the load and prints its report; returns 0 when every roster healed with nothing lost.</summary>
    public static async Task<int> RunAsync(LoadSettings settings, TextWriter output, CancellationToken cancel)
    {
        var counters = new LoadCounters();
        var started = Stopwatch.StartNew();
        await using var server = await BenchServer.StartAsync(settings.Server, settings.Clients, cancel);
        var token = await server.TokenAsync(cancel);
        var members = Enumerable.Range(0, settings.Clients).GroupBy(settings.ChannelOf)
            .ToDictionary(g => g.Key, g => g.Select(LoadSettings.PeerOf).ToHashSet(StringComparer.Ordinal));
        var clients = Enumerable.Range(0, settings.Clients).Select(i =>
        {
            var peer = LoadSettings.PeerOf(i);
            var others = members[settings.ChannelOf(i)].Where(p => p != peer).ToHashSet(StringComparer.Ordinal);
            return new LoadClient(peer, settings.ChannelOf(i), server.SignalUri, token, others, counters);
        }).ToList();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var connectSlots = new SemaphoreSlim(settings.ConnectConcurrency);
        output.WriteLine($"joining {settings.Clients} clients in {settings.Channels} channels on {server.BaseUri} ...");
        var joinWatch = Stopwatch.StartNew();
        var running = clients.Select(c => Task.Run(() => c.RunAsync(connectSlots, settings.PingInterval, stop.Token), stop.Token)).ToList();
        var joined = await WaitAsync(() => clients.Count(c => c.Joined.Task.IsCompleted) == clients.Count, settings.HealTimeout, cancel);
        var joinSeconds = joinWatch.Elapsed.TotalSeconds;
        var whole = joined && await WaitAsync(() => clients.All(c => c.RosterWhole), settings.HealTimeout, cancel);
        var rosterSeconds = joinWatch.Elapsed.TotalSeconds;
        var memoryJoined = server.ResidentBytes;
        output.WriteLine($"join rate: {settings.Clients / joinSeconds:F0} joins/s ({joinSeconds:F1} s for {clients.Count(c => c.Joined.Task.IsCompleted)} of {settings.Clients}); every roster whole after {rosterSeconds:F1} s: {whole}");
        if (!whole)
        {
            output.WriteLine($"storm heal p99: n/a s, lost: {clients.Sum(c => c.Missing)}");
            await StopAsync(stop, running);
            return 1;
        }

        var framesBefore = Interlocked.Read(ref counters.FramesIn) + Interlocked.Read(ref counters.FramesOut);
        var stormAt = TimeProvider.System.GetTimestamp();
        counters.StartStorm(stormAt);
        foreach (var client in clients)
        {
            client.Cut();
        }

        long? memoryPeak = memoryJoined;
        var healed = await WaitAsync(
            () =>
            {
                memoryPeak = Max(memoryPeak, server.ResidentBytes);
                return clients.All(c => c.WholeAt > stormAt && c.RosterWhole);
            },
            settings.HealTimeout,
            cancel);
        var stormSeconds = TimeProvider.System.GetElapsedTime(stormAt).TotalSeconds;
        var framesDuring = Interlocked.Read(ref counters.FramesIn) + Interlocked.Read(ref counters.FramesOut) - framesBefore;
        var heals = clients.Where(c => c.WholeAt > stormAt).Select(c => TimeProvider.System.GetElapsedTime(stormAt, c.WholeAt).TotalSeconds).Order().ToList();
        var lost = clients.Sum(c => c.Missing);
        await StopAsync(stop, running);

        output.WriteLine($"storm: {settings.Clients} connections cut at once; healed {heals.Count} of {settings.Clients} rosters in {stormSeconds:F1} s");
        output.WriteLine($"time until a roster is whole again: p50 {Percentile(heals, 0.50):F2} s, p99 {Percentile(heals, 0.99):F2} s, max {heals.LastOrDefault():F2} s");
        output.WriteLine($"peak reconnects: {counters.PeakReconnectsPerSecond}/s; sessions resumed: {Interlocked.Read(ref counters.Resumed)}");
        output.WriteLine($"frames: {framesDuring / Math.Max(stormSeconds, 0.001):F0}/s during the storm, {(Interlocked.Read(ref counters.FramesIn) + Interlocked.Read(ref counters.FramesOut)) / started.Elapsed.TotalSeconds:F0}/s over the run");
        output.WriteLine($"server memory: {Mib(memoryJoined)} after the joins, {Mib(memoryPeak)} peak in the storm");
        output.WriteLine($"storm heal p99: {(healed ? Percentile(heals, 0.99).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "n/a")} s, lost: {lost}");
        return healed && lost == 0 ? 0 : 1;
    }

    private static async Task<bool> WaitAsync(Func<bool> done, TimeSpan limit, CancellationToken cancel)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(limit.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!done())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                return false;
            }

            await Task.Delay(50, cancel);
        }

        return true;
    }

    private static async Task StopAsync(CancellationTokenSource stop, List<Task> running)
    {
        await stop.CancelAsync();
        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private static double Percentile(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static string Mib(long? bytes) => bytes is { } b ? $"{b / (1024.0 * 1024.0):F0} MiB" : "n/a (external server)";
}

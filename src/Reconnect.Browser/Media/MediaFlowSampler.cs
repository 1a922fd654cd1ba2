using System.Runtime.InteropServices.JavaScript;
using System.Text.Json;
using Reconnect.Browser.Interop;
using Reconnect.Core.Engine;

namespace Reconnect.Browser.Media;

/// <summary>
/// Reads getStats() of each remote peer's current connection every second and reports the frames decoded and bytes
/// received as <see cref="MediaFlowReported"/>, so the engine's frozen-media watchdog sees media that stops while ICE
/// still says connected.
/// </summary>
internal sealed class MediaFlowSampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly BrowserMediaPort _media;
    private readonly IEngineInputSink _sink;
    private readonly ITimer _timer;

    public MediaFlowSampler(TimeProvider time, BrowserMediaPort media, IEngineInputSink sink)
    {
        _media = media;
        _sink = sink;
        _timer = time.CreateTimer(_ => _ = SampleAsync(), null, Interval, Interval);
    }

    /// <summary>The stats of each remote peer's current connection, by remote peer id.</summary>
    public async Task<SortedDictionary<string, MediaStatsJson>> ReadAsync()
    {
        var stats = new SortedDictionary<string, MediaStatsJson>(StringComparer.Ordinal);
        foreach (var (peer, generation) in _media.Current)
        {
            if (await ReadAsync(peer, generation).ConfigureAwait(true) is { } read)
            {
                stats[peer] = read;
            }
        }

        return stats;
    }

    public void Dispose() => _timer.Dispose();

    private static async Task<MediaStatsJson?> ReadAsync(string peer, int generation) =>
        await MediaModule.ReadStats(peer, generation).ConfigureAwait(true) is { } json
            ? JsonSerializer.Deserialize(json, PageJsonContext.Default.MediaStatsJson)
            : null;

    private async Task SampleAsync()
    {
        foreach (var (peer, generation) in _media.Current)
        {
            try
            {
                if (await ReadAsync(peer, generation).ConfigureAwait(true) is { } read)
                {
                    _sink.Post(read.FlowOf(peer, generation));
                }
            }
            catch (JSException)
            {
                // The connection closed while its stats were read: no flow to report for it.
            }
        }
    }
}

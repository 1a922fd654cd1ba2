using System.Diagnostics;
using Reconnect.Browser.Harness.Calls;
using Reconnect.Testing.Bench;

namespace Reconnect.BrowserBench;

/// <summary>
/// Times a heal: reads the call every 100 ms from the fault's removal (is it whole, what every page decoded and
/// presented from every other) and hands the readings to a <see cref="FlowWatch"/> until the video flows both ways
/// again and that is settled, or the cap passes.
/// </summary>
internal static class HealClock
{
    /// <summary>How often the call is read: fine enough that the figure resolves to about a tenth of a second.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a pair's frame counts may stand still before the video counts as stopped (the camera sends about 30 a second).</summary>
    public static readonly TimeSpan StallTolerance = TimeSpan.FromSeconds(1);

    /// <summary>How long the call must stay whole with video flowing before the heal counts (a rebuild after a reconnect shows within it).</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The time from <paramref name="removed"/> (a <see cref="Stopwatch"/> started at the removal) to video flowing both
    /// ways again; null past <paramref name="cap"/>, after telling <paramref name="never"/> what the last reading showed.
    /// </summary>
    public static async Task<TimeSpan?> MeasureAsync(BrowserCall call, Stopwatch removed, TimeSpan cap, Action<string> never, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(never);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(removed);
        var watch = new FlowWatch(BrowserCall.FramesThatShowFlow, StallTolerance, Settle);
        var last = "no reading";
        while (removed.Elapsed <= cap + Settle)
        {
            var at = removed.Elapsed;
            var whole = await call.IsWholeAsync();
            var frames = (await call.FramesAsync()).ToDictionary(f => $"{f.Key.Page}<-{f.Key.Remote}", f => new PairFrames(f.Value.Decoded, f.Value.Presented), StringComparer.Ordinal);
            if (watch.Read(at, whole, frames) is { } healed && healed <= cap)
            {
                return healed;
            }

            last = $"last reading at {at.TotalSeconds:F1} s: whole {whole}; {string.Join(", ", frames.Select(f => $"{f.Key} {f.Value}"))}; last break {watch.LastBreak ?? "none"}";

            var rest = Poll - (removed.Elapsed - at);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, cancel);
            }
        }

        never(last);
        return null;
    }
}

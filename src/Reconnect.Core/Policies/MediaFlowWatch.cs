using Reconnect.Core.Time;

namespace Reconnect.Core.Policies;

/// <summary>The last inbound media counts a remote peer's connection reported, and since when they have stood still.</summary>
/// <param name="Generation">The connection the counts belong to.</param>
/// <param name="FramesReceived">Frames received so far.</param>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="Since">When these counts were first reported: the last instant the media was seen advancing.</param>
internal readonly record struct MediaFlowMark(int Generation, long FramesReceived, long BytesReceived, Instant Since)
{
    /// <summary>True when a report shows these counts on this connection: the media has not moved.</summary>
    public bool StillAt(int generation, long frames, long bytes) =>
        Generation == generation && FramesReceived == frames && BytesReceived == bytes;

    /// <summary>
    /// True when a report on this connection shows a count below these: the media layer started a fresh counter (Chromium
    /// does when it rebuilds a receive stream), which says nothing about media moving.
    /// </summary>
    public bool RestartedBelow(int generation, long frames, long bytes) =>
        Generation == generation && (frames < FramesReceived || bytes < BytesReceived);
}

/// <summary>What the watchdog makes of one flow report.</summary>
/// <param name="Mark">What to remember for the next report; null when the media was judged frozen (watching starts over).</param>
/// <param name="StalledFor">How long the media has stood still, when judged frozen; null otherwise.</param>
internal readonly record struct MediaFlowVerdict(MediaFlowMark? Mark, TimeSpan? StalledFor)
{
    /// <summary>True when the media was judged frozen.</summary>
    public bool Frozen => StalledFor is not null;
}

/// <summary>
/// The frozen-media rule: inbound media that has not advanced (neither frames nor bytes changed) for at least
/// <see cref="MediaWatchdogOptions.FrozenAfter"/> is frozen. Any change of the counts (a counter that went down is a
/// fresh counter) or of the generation starts the watch over from the report. Pure.
/// </summary>
internal static class MediaFlowWatch
{
    /// <summary>Judges one report against what was remembered.</summary>
    public static MediaFlowVerdict Judge(MediaFlowMark? last, int generation, long frames, long bytes, Instant now, TimeSpan frozenAfter)
    {
        if (last is not { } mark || !mark.StillAt(generation, frames, bytes))
        {
            return new MediaFlowVerdict(new MediaFlowMark(generation, frames, bytes, now), null);
        }

        var still = now - mark.Since;
        return still >= frozenAfter ? new MediaFlowVerdict(null, still) : new MediaFlowVerdict(mark, null);
    }
}

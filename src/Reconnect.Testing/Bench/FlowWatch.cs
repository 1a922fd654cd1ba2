namespace Reconnect.Testing.Bench;

/// <summary>
/// Decides from readings of a real call when its video flows both ways again after a fault and when that is settled.
/// Each reading gives, per pair of pages (a page and a remote peer), the frames decoded and the frames presented so
/// far, and whether the call is whole (every page joined, every pair connected with a stream). The video flows from
/// the first reading at which every pair's two counts advanced, and keeps flowing while no count goes back (a new
/// connection counts from zero) and no pair's counts stand still longer than the stall tolerance. It is settled once
/// it has flowed that way by at least the frames that show flow on every pair and the call has been whole for the
/// settle time: a rebuild that follows a reconnect breaks the flow before then, and the flow counts from after it.
/// </summary>
/// <param name="framesThatShowFlow">How many more frames every pair must decode and present from the flow's start.</param>
/// <param name="stallTolerance">How long a pair's counts may stand still before the flow counts as broken.</param>
/// <param name="settle">How long the call must have been whole, and the video flowing, before the flow counts as settled.</param>
internal sealed class FlowWatch(int framesThatShowFlow, TimeSpan stallTolerance, TimeSpan settle)
{
    private readonly Dictionary<string, (TimeSpan Decoded, TimeSpan Presented)> _lastAdvance = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, PairFrames>? _previous;
    private IReadOnlyDictionary<string, PairFrames>? _base;
    private TimeSpan? _wholeSince;
    private TimeSpan? _start;

    /// <summary>The last time the flow broke and why (for a run that never settles), or null.</summary>
    public string? LastBreak { get; private set; }

    /// <summary>
    /// Takes a reading made at <paramref name="at"/> (time since the fault was removed, never going back) and answers
    /// when the video has flowed both ways again once that is settled, else null.
    /// </summary>
    public TimeSpan? Read(TimeSpan at, bool whole, IReadOnlyDictionary<string, PairFrames> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        _wholeSince = whole ? _wholeSince ?? at : null;
        if (_previous is not { } previous)
        {
            foreach (var pair in frames.Keys)
            {
                _lastAdvance[pair] = (at, at);
            }

            _previous = frames;
            return null;
        }

        var broken = previous.Keys.Where(pair => !frames.ContainsKey(pair)).Select(pair => $"{pair} gone").ToList();
        if (frames.Count == 0)
        {
            broken.Add("no pair");
        }

        var allAdvanced = frames.Count > 0;
        foreach (var (pair, now) in frames)
        {
            var before = previous.GetValueOrDefault(pair);
            var last = _lastAdvance.TryGetValue(pair, out var known) ? known : (Decoded: at, Presented: at);
            if (now.Decoded < before.Decoded || now.Presented < before.Presented)
            {
                broken.Add($"{pair} counted back ({before} -> {now})");
            }

            var decoded = now.Decoded > before.Decoded;
            var presented = now.Presented > before.Presented;
            allAdvanced &= decoded && presented;
            last = (decoded ? at : last.Decoded, presented ? at : last.Presented);
            _lastAdvance[pair] = last;
            if (at - last.Decoded > stallTolerance || at - last.Presented > stallTolerance)
            {
                broken.Add($"{pair} stood still (decoded last advanced at {last.Decoded.TotalSeconds:F1} s, presented at {last.Presented.TotalSeconds:F1} s; now {now})");
            }
        }

        if (broken.Count > 0)
        {
            _start = null;
            LastBreak = $"at {at.TotalSeconds:F1} s: {string.Join("; ", broken)}";
        }
        else if (_start is null && allAdvanced)
        {
            _start = at;
            _base = previous;
        }

        _previous = frames;
        if (_start is { } start && _wholeSince is { } wholeSince && _base is { } from
            && at - wholeSince >= settle && at - start >= settle
            && frames.All(f => from.TryGetValue(f.Key, out var b) && f.Value.Decoded >= b.Decoded + framesThatShowFlow && f.Value.Presented >= b.Presented + framesThatShowFlow))
        {
            return start;
        }

        return null;
    }
}

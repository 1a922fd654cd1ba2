using Reconnect.Testing.Scenarios;

namespace Reconnect.Testing.Exploration;

/// <summary>
/// Shrinks a fault schedule for FsCheck, most promising first: fewer faults, then each fault earlier, shorter
/// and milder. Every candidate is still a schedule the generator could have made.
/// </summary>
public static class ScheduleShrinker
{
    /// <summary>The most values <see cref="Toward"/> offers for one number.</summary>
    public const int MaxSteps = 6;

    /// <summary>The smallest change of a time or duration worth a run, in milliseconds.</summary>
    public const int TimeResolutionMs = 100;

    /// <summary>Every simpler schedule one step away, most promising first.</summary>
    public static IEnumerable<IReadOnlyList<FaultSpec>> Shrink(IReadOnlyList<FaultSpec> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        if (faults.Count >= 4)
        {
            var half = faults.Count / 2;
            yield return [.. faults.Skip(half)];
            yield return [.. faults.Take(half)];
        }

        for (var i = 0; i < faults.Count; i++)
        {
            yield return [.. faults.Take(i), .. faults.Skip(i + 1)];
        }

        for (var i = 0; i < faults.Count; i++)
        {
            foreach (var simpler in ShrinkFault(faults[i]))
            {
                yield return [.. faults.Take(i), simpler, .. faults.Skip(i + 1)];
            }
        }
    }

    /// <summary>Every simpler version of one fault: earlier, shorter, then milder.</summary>
    public static IEnumerable<FaultSpec> ShrinkFault(FaultSpec fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        foreach (var at in Toward(fault.AtMs, 0, TimeResolutionMs))
        {
            yield return fault with { AtMs = at };
        }

        if (fault.DurationMs is { } duration)
        {
            foreach (var shorter in Toward(duration, FaultScheduleGen.MinDurationMs, TimeResolutionMs))
            {
                yield return fault with { DurationMs = shorter };
            }
        }

        if (fault.Kind == FaultKind.MediaDrop && fault.Other is not null)
        {
            yield return fault with { Other = null };
        }

        if (fault.Count is { } count)
        {
            foreach (var fewer in Toward(count, 1))
            {
                yield return fault with { Count = fewer };
            }
        }

        if (fault.RetryAfterMs is { } hint)
        {
            yield return fault with { RetryAfterMs = null };
            foreach (var smaller in Toward(hint, 0, TimeResolutionMs))
            {
                yield return fault with { RetryAfterMs = smaller };
            }
        }

        if (fault.LatencyMs is { } latency)
        {
            foreach (var lower in Toward(latency, 100, TimeResolutionMs))
            {
                yield return fault with { LatencyMs = lower };
            }
        }

        if (fault.JitterMs is { } jitter)
        {
            foreach (var lower in Toward(jitter, 0, 10))
            {
                yield return fault with { JitterMs = lower };
            }
        }

        if (fault.Loss is { } loss)
        {
            foreach (var percent in Toward((int)Math.Round(loss * 100), 5))
            {
                yield return fault with { Loss = percent / 100.0 };
            }
        }
    }

    /// <summary>
    /// Values from <paramref name="target"/> back toward <paramref name="value"/>, halving the gap each time, while
    /// the step is at least <paramref name="resolution"/> and for at most <see cref="MaxSteps"/> values.
    /// </summary>
    public static IEnumerable<int> Toward(int value, int target, int resolution = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolution);
        var gap = value - target;
        for (var step = 0; step < MaxSteps && Math.Abs(gap) >= resolution; step++, gap /= 2)
        {
            yield return value - gap;
        }
    }
}

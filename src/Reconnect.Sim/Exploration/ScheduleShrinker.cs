using Reconnect.Sim.Scenarios;

namespace Reconnect.Sim.Exploration;

/// <summary>
/// Shrinks a fault schedule for FsCheck, most promising first: fewer faults, then each fault earlier, shorter
/// and milder. Every candidate is still a schedule the generator could have made.
/// </summary>
public static class ScheduleShrinker
{
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
        foreach (var at in Toward(fault.AtMs, 0))
        {
            yield return fault with { AtMs = at };
        }

        if (fault.DurationMs is { } duration)
        {
            foreach (var shorter in Toward(duration, FaultScheduleGen.MinDurationMs))
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
            foreach (var smaller in Toward(hint, 0))
            {
                yield return fault with { RetryAfterMs = smaller };
            }
        }

        if (fault.LatencyMs is { } latency)
        {
            foreach (var lower in Toward(latency, 100))
            {
                yield return fault with { LatencyMs = lower };
            }
        }

        if (fault.JitterMs is { } jitter)
        {
            foreach (var lower in Toward(jitter, 0))
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

    /// <summary>Values from <paramref name="target"/> back toward <paramref name="value"/>, halving the gap each time.</summary>
    public static IEnumerable<int> Toward(int value, int target)
    {
        for (var gap = value - target; gap != 0; gap /= 2)
        {
            yield return value - gap;
        }
    }
}

using System.Globalization;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Testing.World;

/// <summary>The words a fault's trace event carries in <c>detail</c>: the values its kind takes beyond peer, other, duration, code and count.</summary>
internal static class FaultDetail
{
    /// <summary>Such as <c>800 ms, jitter 20 ms, signalling only</c> or <c>0.3, inbound</c>; null when the fault has none of these.</summary>
    public static string? Of(FaultSpec fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var parts = new List<string>();
        if (fault.LatencyMs is { } latency)
        {
            parts.Add(Invariant($"{latency} ms"));
        }

        if (fault.JitterMs is { } jitter)
        {
            parts.Add(Invariant($"jitter {jitter} ms"));
        }

        if (fault.Loss is { } loss)
        {
            parts.Add(loss.ToString("0.###", CultureInfo.InvariantCulture));
        }

        if (fault.Kind is FaultKind.OneWayPartition or FaultKind.OneWayLoss)
        {
            parts.Add(JsonEnumNames<FaultDirection>.NameOf(fault.Direction ?? FaultDirection.Outbound));
        }

        if (fault.OffsetMs is { } offset)
        {
            parts.Add(Invariant($"wall clock stepped {offset:+0;-0} ms"));
        }

        if (fault.Plane is { } plane)
        {
            parts.Add(JsonEnumNames<FaultPlane>.NameOf(plane) + " only");
        }

        if (fault.Stream is not null)
        {
            parts.Add("stream " + fault.Stream);
        }

        if (fault.Track is not null)
        {
            parts.Add("track " + fault.Track);
        }

        if (fault.Label is not null)
        {
            parts.Add("channel " + fault.Label);
        }

        if (fault.Verb is { } verb)
        {
            parts.Add("verb " + MediaVerbConverter.NameOf(verb));
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

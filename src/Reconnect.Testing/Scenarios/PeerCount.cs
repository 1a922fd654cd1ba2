using System.Globalization;

namespace Reconnect.Testing.Scenarios;

/// <summary>
/// How many <c>peer-joined</c> or <c>peer-left</c> notices one observer must see over the run: <see cref="Exactly"/>,
/// or at least <see cref="Min"/> and at most <see cref="Max"/>; counting only those about <see cref="Remote"/> and,
/// for peer-left, with <see cref="Reason"/>, when given. Written as a bare number when only <see cref="Exactly"/> is set.
/// </summary>
public sealed record PeerCount
{
    /// <summary>The exact count; excludes <see cref="Min"/> and <see cref="Max"/>.</summary>
    public int? Exactly { get; init; }

    /// <summary>The least count.</summary>
    public int? Min { get; init; }

    /// <summary>The most count.</summary>
    public int? Max { get; init; }

    /// <summary>Count only the notices about this remote peer.</summary>
    public string? Remote { get; init; }

    /// <summary>Count only the peer-left notices with this reason (such as <c>left</c>, <c>kicked</c>, <c>network-disconnect</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>True when a count meets the bounds.</summary>
    public bool Accepts(int count) =>
        (Exactly is not { } exactly || count == exactly)
        && (Min is not { } min || count >= min)
        && (Max is not { } max || count <= max);

    /// <summary>The bounds in words: <c>exactly 1</c>, <c>at least 1</c>, <c>at least 1 and at most 2</c>.</summary>
    public string Bounds()
    {
        if (Exactly is { } exactly)
        {
            return Invariant($"exactly {exactly}");
        }

        var parts = new List<string>();
        if (Min is { } min)
        {
            parts.Add(Invariant($"at least {min}"));
        }

        if (Max is { } max)
        {
            parts.Add(Invariant($"at most {max}"));
        }

        return parts.Count == 0 ? "any number" : string.Join(" and ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

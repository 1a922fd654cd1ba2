using System.Globalization;

namespace Reconnect.Testing.Trace;

/// <summary>The words for a world event (fault, heal, invariant violation), shared by the timeline and the summary.</summary>
internal static class WorldEventText
{
    /// <summary>
    /// What the event was, without its duration: <c>reason: detail</c>, then <c>with remote</c>,
    /// <c>code N</c> and <c>count N</c> where set; null when it has none of these.
    /// </summary>
    public static string? Describe(TraceEvent e)
    {
        var parts = new List<string>();
        if (e.Reason is not null && e.Detail is not null)
        {
            parts.Add(e.Reason + ": " + e.Detail);
        }
        else if ((e.Reason ?? e.Detail) is { } words)
        {
            parts.Add(words);
        }

        if (e.Remote is not null)
        {
            parts.Add("with " + e.Remote);
        }

        if (e.Code is { } code)
        {
            parts.Add("code " + code.ToString(CultureInfo.InvariantCulture));
        }

        if (e.Attempt is { } count)
        {
            parts.Add("count " + count.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}

using System.Globalization;
using System.Text;

namespace Reconnect.Sim.Trace;

/// <summary>
/// Prints a <see cref="TraceSummary"/>: one line per peer with its counts, then one line per fault with its
/// time to heal, such as <c>fault A offline at 10.000s for 5.000s: healed 0.843s after it ended</c>.
/// </summary>
public static class SummaryPrinter
{
    /// <summary>The summary of a trace given in order, each line ended by <c>\n</c>.</summary>
    public static string Print(IEnumerable<TraceEvent> events) => Print(TraceSummary.From(events));

    /// <summary>The summary's lines, each ended by <c>\n</c>.</summary>
    public static string Print(TraceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        foreach (var peer in summary.Peers)
        {
            text.Append(CultureInfo.InvariantCulture, $"peer {peer.Peer}: state changes {peer.StateChanges}, reconnects {peer.Reconnects}, ")
                .Append(CultureInfo.InvariantCulture, $"ice restarts {peer.IceRestarts}, peer-left {peer.PeersLeft}, errors ")
                .Append(peer.Errors.Count == 0 ? "none" : string.Join(" ", peer.Errors.Select(e => Invariant($"{e.Type}={e.Count}"))))
                .Append('\n');
        }

        foreach (var fault in summary.Faults)
        {
            text.Append("fault ").Append(fault.Peer);
            if (fault.Description is not null)
            {
                text.Append(' ').Append(fault.Description);
            }

            text.Append(" at ").Append(TraceTime.Seconds(fault.StartMs)).Append('s');
            if (fault.EndMs != fault.StartMs)
            {
                text.Append(" for ").Append(TraceTime.Seconds(fault.EndMs - fault.StartMs)).Append('s');
            }

            text.Append(fault.HealedAfterMs is { } healed ? ": healed " + TraceTime.Seconds(healed) + "s after it ended" : ": not healed")
                .Append('\n');
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

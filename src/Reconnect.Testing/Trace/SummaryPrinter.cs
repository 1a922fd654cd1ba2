using System.Globalization;
using System.Text;

namespace Reconnect.Testing.Trace;

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

            text.Append(Heal(fault)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The time to heal; without a heal after it, a fault with a duration reads <c>not healed</c> (the run fails) and an
    /// instant fault reads <c>no heal after it</c> (one that never broke the call leaves no heal behind).
    /// </summary>
    private static string Heal(FaultHeal fault) => fault switch
    {
        { HealedAfterMs: { } healed } => ": healed " + TraceTime.Seconds(healed) + "s after it ended",
        _ when fault.EndMs == fault.StartMs => ": no heal after it",
        _ => ": not healed",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

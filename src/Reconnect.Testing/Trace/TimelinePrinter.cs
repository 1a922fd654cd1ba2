using System.Globalization;
using System.Text;

namespace Reconnect.Testing.Trace;

/// <summary>
/// Renders a trace as a readable timeline, one line per event: the time in seconds, then
/// <c>A: joined -> reconnecting</c> for what a peer's engine said, or <c>fault      A offline for 5.000s</c>
/// for what the world did. docs/trace.md shows the line of every kind.
/// </summary>
/// <param name="verbosity">What to show.</param>
public sealed class TimelinePrinter(TimelineVerbosity verbosity = TimelineVerbosity.Normal)
{
    private const int WorldKindWidth = 10;

    /// <summary>What this printer shows.</summary>
    public TimelineVerbosity Verbosity { get; } = verbosity;

    /// <summary>True when the event gets a line at this verbosity.</summary>
    public bool Shows(TraceEvent trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return Verbosity == TimelineVerbosity.Verbose
            || trace.Event is not (TraceEventKind.Ignored or TraceEventKind.SocketRetry or TraceEventKind.ConnectionBuilt or TraceEventKind.DataSend);
    }

    /// <summary>The event's line, without a line break, whether or not this verbosity shows it.</summary>
    public string FormatLine(TraceEvent trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return TraceTime.Seconds(trace.T).PadLeft(9) + "s  " + Body(trace);
    }

    /// <summary>Writes the lines of the shown events, each ended by <c>\n</c>.</summary>
    public void Write(TextWriter output, IEnumerable<TraceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var trace in events.Where(Shows))
        {
            output.Write(FormatLine(trace));
            output.Write('\n');
        }
    }

    /// <summary>The lines of the shown events, each ended by <c>\n</c>.</summary>
    public string Print(IEnumerable<TraceEvent> events)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, events);
        return text.ToString();
    }

    private string Body(TraceEvent e) => e.Event switch
    {
        TraceEventKind.Fault or TraceEventKind.Heal or TraceEventKind.InvariantViolation => WorldBody(e),
        TraceEventKind.StateChange => $"{e.Peer}: {e.From} -> {e.To}{StateReason(e)}",
        TraceEventKind.RemoteStateChange => $"{e.Peer} sees {e.Remote}: {e.From} -> {e.To}{StateReason(e)}",
        TraceEventKind.PeerJoined => $"{e.Peer}: peer-joined {e.Remote}",
        TraceEventKind.PeerLeft => $"{e.Peer}: peer-left {e.Remote} ({e.Reason})",
        TraceEventKind.PeerAway => Invariant($"{e.Peer}: peer-away {e.Remote} ({e.Reason}{Suffix(" ", e.Code?.ToString(CultureInfo.InvariantCulture))})"),
        TraceEventKind.PeerBack => $"{e.Peer}: peer-back {e.Remote}",
        TraceEventKind.StreamAdded => Invariant($"{e.Peer}: stream-added {e.Stream} {(e.Detail == "rebound" ? "rebound" : "bound")} (conn {e.Conn})"),
        TraceEventKind.StreamRemoved => $"{e.Peer}: stream-removed {e.Stream}",
        TraceEventKind.Error => $"{e.Peer}: error {e.Reason}: {e.Detail}",
        TraceEventKind.SocketAttempt => Invariant($"{e.Peer}: socket-attempt {e.Attempt} ({e.Detail})"),
        TraceEventKind.SocketRetry => Invariant($"{e.Peer}: socket-retry {e.Attempt} in {Seconds(e.DelayMs)}s{(e.Code is { } code ? Invariant($" after code {code}") : string.Empty)}"),
        TraceEventKind.IceRestart => Invariant($"{e.Peer}: ice-restart {e.Remote} attempt {e.Attempt} (conn {e.Conn})"),
        TraceEventKind.EscalationStep => Invariant($"{e.Peer}: escalation-step {e.Remote} {e.Reason} round {e.Attempt} ({e.Detail})"),
        TraceEventKind.MediaFrozen => Invariant($"{e.Peer}: media-frozen {e.Remote} for {Seconds(e.DelayMs)}s (conn {e.Conn})"),
        TraceEventKind.ConnectionBuilt => Invariant($"{e.Peer}: connection-built {e.Remote} (conn {e.Conn}, {e.Reason})"),
        TraceEventKind.DataChannelsReset => Invariant($"{e.Peer}: data-channels-reset {e.Remote} (conn {e.Conn})"),
        TraceEventKind.MetadataChanged => $"{e.Peer}: metadata-changed {e.Remote} [{e.Detail}]",
        TraceEventKind.StillReconnecting => $"{e.Peer}: still-reconnecting for {Seconds(e.DelayMs)}s",
        TraceEventKind.ReconnectingVisible => $"{e.Peer}: reconnecting-visible{Suffix(" ", e.Remote)} after {Seconds(e.DelayMs)}s",
        TraceEventKind.ReconnectingRecovered => $"{e.Peer}: reconnecting-recovered{Suffix(" ", e.Remote)} after {Seconds(e.DelayMs)}s",
        TraceEventKind.TokenFailing => Invariant($"{e.Peer}: token-failing {e.Attempt} in a row ({e.Reason})"),
        TraceEventKind.TokenRefreshed => Invariant($"{e.Peer}: token-refreshed, valid for {Seconds(e.DelayMs)}s"),
        TraceEventKind.TokenRefreshFailed => e.DelayMs is null
            ? Invariant($"{e.Peer}: token-refresh-failed {e.Attempt} in a row ({e.Reason}), no retry before expiry")
            : Invariant($"{e.Peer}: token-refresh-failed {e.Attempt} in a row ({e.Reason}), retry in {Seconds(e.DelayMs)}s"),
        TraceEventKind.DataSend => $"{e.Peer}: data-send {e.Remote} {e.Detail} ({e.Reason})",
        TraceEventKind.DataReceived => $"{e.Peer}: data-received {e.Remote} {e.Detail}",
        TraceEventKind.MediaFailureTolerated => Invariant($"{e.Peer}: media-failure-tolerated {e.Remote} {e.Detail} (conn {e.Conn}): {e.Reason}"),
        TraceEventKind.Ignored => $"{e.Peer}: ignored {e.Detail} ({e.Reason})",
        _ => $"{e.Peer}: {e.Event}{Suffix(" ", e.Detail)}{Suffix(" (", e.Reason, ")")}",
    };

    private string StateReason(TraceEvent e) =>
        Verbosity == TimelineVerbosity.Verbose ? Suffix(" (", e.Reason, ")") : string.Empty;

    private static string WorldBody(TraceEvent e)
    {
        var line = new StringBuilder(e.Event.PadRight(WorldKindWidth)).Append(' ').Append(e.Peer).Append(Suffix(" ", WorldEventText.Describe(e)));
        if (e.DelayMs is { } duration)
        {
            line.Append(" for ").Append(TraceTime.Seconds(duration)).Append('s');
        }

        return line.ToString();
    }

    private static string Suffix(string before, string? value, string after = "") =>
        value is null ? string.Empty : before + value + after;

    private static string Seconds(long? milliseconds) => milliseconds is { } ms ? TraceTime.Seconds(ms) : "?";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

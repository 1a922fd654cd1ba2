using System.Globalization;
using Reconnect.Core.Engine;
using Reconnect.Core.Protocol;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Harness.Traces;

/// <summary>
/// The engine notice a trace event was written from (the inverse of <see cref="TraceMapper.FromNotice"/>), for the
/// event kinds the invariant checker reads; null for the kinds it does not read (data, tokens, metadata, world events).
/// </summary>
public static class TraceNotices
{
    public static EngineNotice? ToNotice(TraceEvent e) => e.Event switch
    {
        TraceEventKind.StateChange => new LocalStateChangedNotice(Local(e.From), Local(e.To), e.Reason ?? string.Empty),
        TraceEventKind.RemoteStateChange => new RemoteStateChangedNotice(Remote(e), Ref(e), RemoteState(e.From), RemoteState(e.To), e.Reason ?? string.Empty),
        TraceEventKind.PeerJoined => new PeerJoinedNotice(new RosterEntry(Remote(e), SessionOf(e), new Dictionary<string, string>(), []), Ref(e)),
        TraceEventKind.PeerLeft => new PeerLeftNotice(Remote(e), Ref(e), e.Reason ?? string.Empty),
        TraceEventKind.StreamAdded => new StreamAddedNotice(Remote(e), Ref(e), Required(e.Stream, e, "stream"), e.StreamRef ?? 0, e.Conn ?? 0, e.Detail == "rebound"),
        TraceEventKind.StreamRemoved => new StreamRemovedNotice(Remote(e), Ref(e), Required(e.Stream, e, "stream"), e.StreamRef ?? 0),
        TraceEventKind.ConnectionBuilt => new ConnectionBuiltNotice(Remote(e), Ref(e), e.Conn ?? 0, e.Reason ?? string.Empty),
        TraceEventKind.IceRestart => new IceRestartStartedNotice(Remote(e), Ref(e), e.Attempt ?? 0, e.Conn ?? 0),
        TraceEventKind.SocketAttempt => new SocketAttemptStartedNotice(e.Attempt ?? 0, EpochOf(e)),
        TraceEventKind.ReconnectingVisible => new ReconnectingVisibleNotice(e.Remote, e.Ref, TimeSpan.FromMilliseconds(e.DelayMs ?? 0)),
        TraceEventKind.ReconnectingRecovered => new ReconnectingRecoveredNotice(e.Remote, e.Ref, TimeSpan.FromMilliseconds(e.DelayMs ?? 0)),
        TraceEventKind.Ignored => new InputIgnoredNotice(e.Detail ?? string.Empty, e.Reason ?? string.Empty),
        TraceEventKind.Error => Error(e),
        _ => null,
    };

    /// <summary>The server session a peer-joined event names (its detail is <c>session S</c>).</summary>
    public static string SessionOf(TraceEvent e) =>
        e.Detail is { } detail && detail.StartsWith("session ", StringComparison.Ordinal) ? detail["session ".Length..] : string.Empty;

    /// <summary>An error the checker reads by its type; any other error is a plain message.</summary>
    private static ErrorRaisedNotice Error(TraceEvent e) => new(e.Reason switch
    {
        nameof(TerminalCloseError) => new TerminalCloseError(e.Code ?? 0, string.Empty, e.Detail ?? string.Empty),
        nameof(EscalationExhausted) => new EscalationExhausted(Remote(e), e.Attempt ?? 0),
        nameof(CommandRejected) => new CommandRejected(e.Detail ?? string.Empty, string.Empty),
        _ => new MediaError(e.Remote ?? string.Empty, $"{e.Reason}: {e.Detail}"),
    });

    private static LocalPeerState Local(string? name) =>
        Enum.Parse<LocalPeerState>(name ?? throw new FormatException("A state change without a state."), ignoreCase: true);

    private static RemotePeerState RemoteState(string? name) =>
        Enum.Parse<RemotePeerState>(name ?? throw new FormatException("A remote state change without a state."), ignoreCase: true);

    private static string Remote(TraceEvent e) => Required(e.Remote, e, "remote");

    private static long Ref(TraceEvent e) => e.Ref ?? throw new FormatException($"A {e.Event} event at t={e.T} without a ref.");

    private static long EpochOf(TraceEvent e) =>
        e.Detail is { } detail && detail.StartsWith("epoch ", StringComparison.Ordinal)
            ? long.Parse(detail["epoch ".Length..], CultureInfo.InvariantCulture)
            : 0;

    private static string Required(string? value, TraceEvent e, string field) =>
        value ?? throw new FormatException($"A {e.Event} event at t={e.T} without its {field}.");
}

using System.Globalization;
using Reconnect.Core.Engine;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Testing.Trace;

/// <summary>Turns the notices an engine raises into trace events, one notice to one event.</summary>
public static class TraceMapper
{
    /// <summary>The trace event for a notice, or null for a notice type this mapper does not know.</summary>
    /// <param name="peer">The scenario name of the peer whose engine raised the notice.</param>
    /// <param name="tMs">Virtual milliseconds since the simulation started.</param>
    /// <param name="notice">The notice.</param>
    public static TraceEvent? FromNotice(string peer, long tMs, EngineNotice notice)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(notice);
        return notice switch
        {
            LocalStateChangedNotice n => new TraceEvent(tMs, peer, TraceEventKind.StateChange)
            {
                From = TraceStateNames.Of(n.From),
                To = TraceStateNames.Of(n.To),
                Reason = n.Reason,
            },
            RemoteStateChangedNotice n => new TraceEvent(tMs, peer, TraceEventKind.RemoteStateChange)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                From = TraceStateNames.Of(n.From),
                To = TraceStateNames.Of(n.To),
                Reason = n.Reason,
            },
            PeerJoinedNotice n => new TraceEvent(tMs, peer, TraceEventKind.PeerJoined)
            {
                Remote = n.Peer.PeerId,
                Ref = n.Ref,
                Detail = "session " + n.Peer.SessionId,
            },
            PeerLeftNotice n => new TraceEvent(tMs, peer, TraceEventKind.PeerLeft)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                Reason = n.Reason,
            },
            PeerAwayNotice n => new TraceEvent(tMs, peer, TraceEventKind.PeerAway)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                Reason = n.Reason,
                Code = n.CloseCode,
            },
            PeerBackNotice n => new TraceEvent(tMs, peer, TraceEventKind.PeerBack)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
            },
            PeerMetadataChangedNotice n => new TraceEvent(tMs, peer, TraceEventKind.MetadataChanged)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                Detail = FormatMetadata(n.Metadata),
            },
            StreamAddedNotice n => new TraceEvent(tMs, peer, TraceEventKind.StreamAdded)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                Stream = n.StreamId,
                StreamRef = n.StreamRef,
                Conn = n.Generation,
                Detail = n.Rebound ? "rebound" : null,
            },
            StreamRemovedNotice n => new TraceEvent(tMs, peer, TraceEventKind.StreamRemoved)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                Stream = n.StreamId,
                StreamRef = n.StreamRef,
            },
            DataChannelsResetNotice n => new TraceEvent(tMs, peer, TraceEventKind.DataChannelsReset)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                Conn = n.Generation,
            },
            ConnectionBuiltNotice n => new TraceEvent(tMs, peer, TraceEventKind.ConnectionBuilt)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                Conn = n.Generation,
                Reason = n.Reason,
            },
            IceRestartStartedNotice n => new TraceEvent(tMs, peer, TraceEventKind.IceRestart)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                Attempt = n.Attempt,
                Conn = n.Generation,
            },
            EscalationStepNotice n => new TraceEvent(tMs, peer, TraceEventKind.EscalationStep)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                Attempt = n.Round,
                Reason = StepName(n.Step),
                Detail = n.Taken ? n.Detail : "not taken: " + n.Detail,
            },
            MediaFrozenNotice n => new TraceEvent(tMs, peer, TraceEventKind.MediaFrozen)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                Conn = n.Generation,
                DelayMs = WholeMilliseconds(n.StalledFor),
            },
            SocketAttemptStartedNotice n => new TraceEvent(tMs, peer, TraceEventKind.SocketAttempt)
            {
                Attempt = n.Attempt,
                Detail = "epoch " + n.Epoch.ToString(CultureInfo.InvariantCulture),
            },
            SocketRetryScheduledNotice n => new TraceEvent(tMs, peer, TraceEventKind.SocketRetry)
            {
                Attempt = n.Attempt,
                DelayMs = WholeMilliseconds(n.Delay),
                Code = n.CloseCode,
            },
            StillReconnectingNotice n => new TraceEvent(tMs, peer, TraceEventKind.StillReconnecting)
            {
                DelayMs = WholeMilliseconds(n.Elapsed),
            },
            ReconnectingVisibleNotice n => Reconnecting(new TraceEvent(tMs, peer, TraceEventKind.ReconnectingVisible), n.RemotePeerId, n.Ref, n.Elapsed),
            ReconnectingRecoveredNotice n => Reconnecting(new TraceEvent(tMs, peer, TraceEventKind.ReconnectingRecovered), n.RemotePeerId, n.Ref, n.Lasted),
            TokenProviderFailingNotice n => new TraceEvent(tMs, peer, TraceEventKind.TokenFailing)
            {
                Attempt = n.ConsecutiveFailures,
                Reason = n.LastReason,
            },
            TokenRefreshedNotice n => new TraceEvent(tMs, peer, TraceEventKind.TokenRefreshed)
            {
                DelayMs = WholeMilliseconds(n.ValidFor),
            },
            TokenRefreshFailedNotice n => new TraceEvent(tMs, peer, TraceEventKind.TokenRefreshFailed)
            {
                Attempt = n.ConsecutiveFailures,
                Reason = n.Reason,
                DelayMs = n.RetryIn is { } retryIn ? WholeMilliseconds(retryIn) : null,
            },
            DataSendAcceptedNotice n => new TraceEvent(tMs, peer, TraceEventKind.DataSend)
            {
                Remote = n.RemotePeerId,
                Detail = n.Label,
                Reason = n.Queued ? "queued" : "sent",
            },
            DataReceivedNotice n => new TraceEvent(tMs, peer, TraceEventKind.DataReceived)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                Detail = n.Label,
            },
            MediaFailureToleratedNotice n => new TraceEvent(tMs, peer, TraceEventKind.MediaFailureTolerated)
            {
                Remote = n.RemotePeerId,
                Ref = n.Ref,
                Conn = n.Generation,
                Detail = MediaVerbConverter.NameOf(n.Operation),
                Reason = n.Reason,
            },
            ErrorRaisedNotice n => FromError(peer, tMs, n.Error),
            InputIgnoredNotice n => new TraceEvent(tMs, peer, TraceEventKind.Ignored)
            {
                Detail = n.Input,
                Reason = n.Reason,
            },
            _ => null,
        };
    }

    /// <summary>A reconnecting-visible or -recovered event: whose reconnect (no remote for the local peer) and how long it has lasted.</summary>
    private static TraceEvent Reconnecting(TraceEvent trace, string? remote, long? reference, TimeSpan lasted) =>
        trace with { Remote = remote, Ref = reference, DelayMs = WholeMilliseconds(lasted) };

    private static TraceEvent FromError(string peer, long tMs, ReconnectError error)
    {
        var trace = new TraceEvent(tMs, peer, TraceEventKind.Error) { Reason = error.GetType().Name, Detail = error.Message };
        return error switch
        {
            TerminalCloseError e => trace with { Code = e.Code },
            FirstConnectFailed e => trace with { Code = e.Code },
            ReconnectAttemptsExhausted e => trace with { Attempt = e.Attempts },
            IceRestartExhausted e => trace with { Remote = e.RemotePeerId, Attempt = e.Attempts },
            EscalationExhausted e => trace with { Remote = e.RemotePeerId, Attempt = e.Rounds },
            ReconcileTimeout e => trace with { Attempt = e.Requests },
            MediaError e => trace with { Remote = e.RemotePeerId },
            DataSendFailed e => trace with { Remote = e.RemotePeerId },
            _ => trace,
        };
    }

    /// <summary>An escalation step's name in a trace (<c>fresh-connection</c>).</summary>
    private static string StepName(EscalationStepKind step) => step switch
    {
        EscalationStepKind.IceRestart => "ice-restart",
        EscalationStepKind.FreshConnection => "fresh-connection",
        EscalationStepKind.SocketResume => "socket-resume",
        EscalationStepKind.Rejoin => "rejoin",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown escalation step."),
    };

    private static long WholeMilliseconds(TimeSpan duration) => duration.Ticks / TimeSpan.TicksPerMillisecond;

    private static string FormatMetadata(IReadOnlyDictionary<string, string> metadata) =>
        string.Join(", ", metadata.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value));
}

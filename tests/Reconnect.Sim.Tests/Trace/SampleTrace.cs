using Reconnect.Testing.Trace;

namespace Reconnect.Sim.Tests.Trace;

/// <summary>A small fixed trace that has every event kind once or more, for golden-text tests.</summary>
internal static class SampleTrace
{
    public static IReadOnlyList<TraceEvent> Events { get; } =
    [
        new(1_000, "B", TraceEventKind.PeerJoined) { Remote = "C", Ref = 4, Detail = "session s-c" },
        new(1_200, "A", TraceEventKind.MetadataChanged) { Remote = "B", Ref = 3, Detail = "name=bob" },
        new(10_000, "A", TraceEventKind.Fault) { Reason = "offline", DelayMs = 5_000 },
        new(10_000, "A", TraceEventKind.StateChange) { From = "joined", To = "reconnecting", Reason = "signalling lost" },
        new(10_001, "A", TraceEventKind.Ignored) { Detail = "timer Heartbeat", Reason = "cancelled or superseded timer" },
        new(10_250, "A", TraceEventKind.SocketRetry) { Attempt = 2, DelayMs = 1_250, Code = 1006 },
        new(11_000, "A", TraceEventKind.ReconnectingVisible) { DelayMs = 1_000 },
        new(11_500, "A", TraceEventKind.SocketAttempt) { Attempt = 2, Detail = "epoch 2" },
        new(12_512, "A", TraceEventKind.RemoteStateChange) { Remote = "B", Ref = 3, From = "connected", To = "reconnecting", Reason = "ice disconnected" },
        new(12_900, "A", TraceEventKind.MediaFrozen) { Remote = "B", Ref = 3, Conn = 1, DelayMs = 5_000 },
        new(13_000, "A", TraceEventKind.IceRestart) { Remote = "B", Ref = 3, Attempt = 1, Conn = 1 },
        new(14_000, "A", TraceEventKind.TokenFailing) { Attempt = 3, Reason = "timeout" },
        new(14_100, "B", TraceEventKind.TokenRefreshFailed) { Attempt = 1, Reason = "timeout", DelayMs = 1_000 },
        new(14_200, "B", TraceEventKind.TokenRefreshFailed) { Attempt = 2, Reason = "timeout" },
        new(14_300, "B", TraceEventKind.TokenRefreshed) { DelayMs = 600_000 },
        new(14_500, "A", TraceEventKind.StillReconnecting) { DelayMs = 4_500 },
        new(15_800, "A", TraceEventKind.ConnectionBuilt) { Remote = "B", Ref = 3, Conn = 2, Reason = "ladder exhausted" },
        new(15_810, "A", TraceEventKind.DataChannelsReset) { Remote = "B", Ref = 3, Conn = 2 },
        new(15_843, "A", TraceEventKind.StreamAdded) { Remote = "B", Ref = 3, Stream = "camB", StreamRef = 8, Conn = 2, Detail = "rebound" },
        new(15_900, "A", TraceEventKind.ReconnectingRecovered) { DelayMs = 5_900 },
        new(15_900, "A", TraceEventKind.StateChange) { From = "reconnecting", To = "joined", Reason = "welcomed" },
        new(15_950, "A", TraceEventKind.DataSend) { Remote = "B", Detail = "chat", Reason = "sent" },
        new(15_990, "B", TraceEventKind.DataReceived) { Remote = "A", Ref = 2, Detail = "chat" },
        new(15_995, "B", TraceEventKind.MediaFailureTolerated) { Remote = "A", Ref = 2, Conn = 3, Detail = "add-ice-candidate", Reason = "unknown m-line" },
        new(16_000, "A", TraceEventKind.Heal),
        new(16_010, "B", TraceEventKind.PeerLeft) { Remote = "C", Ref = 4, Reason = "left" },
        new(16_010, "B", TraceEventKind.StreamRemoved) { Remote = "C", Ref = 4, Stream = "camC", StreamRef = 5 },
        new(16_200, "C", TraceEventKind.PeerAway) { Remote = "A", Ref = 6, Reason = "closed-by-server", Code = 4002 },
        new(16_400, "C", TraceEventKind.PeerBack) { Remote = "A", Ref = 6 },
        new(17_000, "B", TraceEventKind.Error) { Remote = "C", Attempt = 3, Reason = "IceRestartExhausted", Detail = "ICE restarts to C failed 3 times; that peer's connection was closed." },
        new(17_000, "B", TraceEventKind.EscalationStep) { Remote = "C", Ref = 4, Attempt = 1, Reason = "fresh-connection", Detail = "a fresh connection (generation 2)" },
        new(17_500, "C", TraceEventKind.StreamAdded) { Remote = "A", Ref = 6, Stream = "camA", StreamRef = 9, Conn = 1 },
        new(18_000, "C", TraceEventKind.InvariantViolation) { Remote = "A", Detail = "roster differs", Reason = "rosters-equal" },
    ];
}

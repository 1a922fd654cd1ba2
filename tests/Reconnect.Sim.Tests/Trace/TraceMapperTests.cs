using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;
using Reconnect.Testing.Trace;

namespace Reconnect.Sim.Tests.Trace;

public sealed class TraceMapperTests
{
    private const string Peer = "A";
    private const long At = 12_512;

    private static readonly Dictionary<string, string> NoMetadata = new(StringComparer.Ordinal);

    private static readonly List<(string Name, EngineNotice Notice, TraceEvent Expected)> Cases =
    [
        ("local state changed",
            new LocalStateChangedNotice(LocalPeerState.Joined, LocalPeerState.Reconnecting, "signalling lost"),
            Event(TraceEventKind.StateChange) with { From = "joined", To = "reconnecting", Reason = "signalling lost" }),
        ("remote state changed",
            new RemoteStateChangedNotice("B", 7, RemotePeerState.Connected, RemotePeerState.Reconnecting, "ice disconnected"),
            Event(TraceEventKind.RemoteStateChange) with { Remote = "B", Ref = 7, From = "connected", To = "reconnecting", Reason = "ice disconnected" }),
        ("peer joined",
            new PeerJoinedNotice(new RosterEntry("B", "s-1", NoMetadata, []), 7),
            Event(TraceEventKind.PeerJoined) with { Remote = "B", Ref = 7, Detail = "session s-1" }),
        ("peer left",
            new PeerLeftNotice("C", 9, "left"),
            Event(TraceEventKind.PeerLeft) with { Remote = "C", Ref = 9, Reason = "left" }),
        ("peer metadata changed",
            new PeerMetadataChangedNotice("B", 7, new Dictionary<string, string>(StringComparer.Ordinal) { ["role"] = "host", ["Name"] = "bob", ["age"] = "7" }),
            Event(TraceEventKind.MetadataChanged) with { Remote = "B", Ref = 7, Detail = "Name=bob, age=7, role=host" }),
        ("stream added first time",
            new StreamAddedNotice("B", 7, "camB", 21, 1, Rebound: false),
            Event(TraceEventKind.StreamAdded) with { Remote = "B", Ref = 7, Stream = "camB", StreamRef = 21, Conn = 1 }),
        ("stream added again after a rebuild",
            new StreamAddedNotice("B", 7, "camB", 22, 2, Rebound: true),
            Event(TraceEventKind.StreamAdded) with { Remote = "B", Ref = 7, Stream = "camB", StreamRef = 22, Conn = 2, Detail = "rebound" }),
        ("stream removed",
            new StreamRemovedNotice("B", 7, "camB", 22),
            Event(TraceEventKind.StreamRemoved) with { Remote = "B", Ref = 7, Stream = "camB", StreamRef = 22 }),
        ("data channels reset",
            new DataChannelsResetNotice("B", 7, 3),
            Event(TraceEventKind.DataChannelsReset) with { Remote = "B", Ref = 7, Conn = 3 }),
        ("connection built",
            new ConnectionBuiltNotice("B", 7, 3, "ladder exhausted"),
            Event(TraceEventKind.ConnectionBuilt) with { Remote = "B", Ref = 7, Conn = 3, Reason = "ladder exhausted" }),
        ("ice restart started",
            new IceRestartStartedNotice("B", 7, 2, 3),
            Event(TraceEventKind.IceRestart) with { Remote = "B", Ref = 7, Attempt = 2, Conn = 3 }),
        ("escalation step taken",
            new EscalationStepNotice("B", 7, EscalationStepKind.SocketResume, 2, true, "a socket resume"),
            Event(TraceEventKind.EscalationStep) with { Remote = "B", Ref = 7, Attempt = 2, Reason = "socket-resume", Detail = "a socket resume" }),
        ("escalation step not taken",
            new EscalationStepNotice("B", 7, EscalationStepKind.Rejoin, 1, false, "the socket is already down"),
            Event(TraceEventKind.EscalationStep) with { Remote = "B", Ref = 7, Attempt = 1, Reason = "rejoin", Detail = "not taken: the socket is already down" }),
        ("media frozen, stalled time truncated to whole ms",
            new MediaFrozenNotice("B", 7, 3, TimeSpan.FromTicks(50_009_999)),
            Event(TraceEventKind.MediaFrozen) with { Remote = "B", Ref = 7, Conn = 3, DelayMs = 5_000 }),
        ("socket attempt started",
            new SocketAttemptStartedNotice(2, 5),
            Event(TraceEventKind.SocketAttempt) with { Attempt = 2, Detail = "epoch 5" }),
        ("socket retry after a close code, delay truncated to whole ms",
            new SocketRetryScheduledNotice(3, TimeSpan.FromTicks(15_009_999), 1006),
            Event(TraceEventKind.SocketRetry) with { Attempt = 3, DelayMs = 1500, Code = 1006 }),
        ("socket retry without a close code",
            new SocketRetryScheduledNotice(1, TimeSpan.FromMilliseconds(250), null),
            Event(TraceEventKind.SocketRetry) with { Attempt = 1, DelayMs = 250 }),
        ("still reconnecting",
            new StillReconnectingNotice(TimeSpan.FromSeconds(30), TimeSpan.Zero),
            Event(TraceEventKind.StillReconnecting) with { DelayMs = 30_000 }),
        ("local reconnecting visible",
            new ReconnectingVisibleNotice(null, null, TimeSpan.FromSeconds(1)),
            Event(TraceEventKind.ReconnectingVisible) with { DelayMs = 1_000 }),
        ("remote reconnecting recovered",
            new ReconnectingRecoveredNotice("B", 7, TimeSpan.FromMilliseconds(4_200)),
            Event(TraceEventKind.ReconnectingRecovered) with { Remote = "B", Ref = 7, DelayMs = 4_200 }),
        ("peer away with the server's close code",
            new PeerAwayNotice("B", 7, "closed-by-server", 4002),
            Event(TraceEventKind.PeerAway) with { Remote = "B", Ref = 7, Reason = "closed-by-server", Code = 4002 }),
        ("peer back",
            new PeerBackNotice("B", 7),
            Event(TraceEventKind.PeerBack) with { Remote = "B", Ref = 7 }),
        ("token provider failing",
            new TokenProviderFailingNotice(3, "timeout"),
            Event(TraceEventKind.TokenFailing) with { Attempt = 3, Reason = "timeout" }),
        ("token refreshed, lifetime truncated to whole ms",
            new TokenRefreshedNotice(TimeSpan.FromTicks(6_000_009_999)),
            Event(TraceEventKind.TokenRefreshed) with { DelayMs = 600_000 }),
        ("token refresh failed with a retry",
            new TokenRefreshFailedNotice(1, "timeout", TimeSpan.FromSeconds(1)),
            Event(TraceEventKind.TokenRefreshFailed) with { Attempt = 1, Reason = "timeout", DelayMs = 1_000 }),
        ("token refresh failed with no retry before expiry",
            new TokenRefreshFailedNotice(6, "down", null),
            Event(TraceEventKind.TokenRefreshFailed) with { Attempt = 6, Reason = "down" }),
        ("input ignored",
            new InputIgnoredNotice("timer Leave", "cancelled or superseded timer"),
            Event(TraceEventKind.Ignored) with { Detail = "timer Leave", Reason = "cancelled or superseded timer" }),
        ("terminal close error",
            new ErrorRaisedNotice(new TerminalCloseError(4001, "invalid_token")),
            Error(new TerminalCloseError(4001, "invalid_token"), "TerminalCloseError") with { Code = 4001 }),
        ("first connect failed with a code",
            new ErrorRaisedNotice(new FirstConnectFailed(1006, "socket closed")),
            Error(new FirstConnectFailed(1006, "socket closed"), "FirstConnectFailed") with { Code = 1006 }),
        ("first connect failed without a code",
            new ErrorRaisedNotice(new FirstConnectFailed(null, "token provider failed")),
            Error(new FirstConnectFailed(null, "token provider failed"), "FirstConnectFailed")),
        ("reconnect attempts exhausted",
            new ErrorRaisedNotice(new ReconnectAttemptsExhausted(10)),
            Error(new ReconnectAttemptsExhausted(10), "ReconnectAttemptsExhausted") with { Attempt = 10 }),
        ("ice restart exhausted",
            new ErrorRaisedNotice(new IceRestartExhausted("B", 3)),
            Error(new IceRestartExhausted("B", 3), "IceRestartExhausted") with { Remote = "B", Attempt = 3 }),
        ("escalation exhausted",
            new ErrorRaisedNotice(new EscalationExhausted("B", 3)),
            Error(new EscalationExhausted("B", 3), "EscalationExhausted") with { Remote = "B", Attempt = 3 }),
        ("reconcile timeout",
            new ErrorRaisedNotice(new ReconcileTimeout(4)),
            Error(new ReconcileTimeout(4), "ReconcileTimeout") with { Attempt = 4 }),
        ("evicted",
            new ErrorRaisedNotice(new EvictedError("network-disconnect", Rejoining: true)),
            Error(new EvictedError("network-disconnect", Rejoining: true), "EvictedError")),
        ("malformed message",
            new ErrorRaisedNotice(new MalformedMessage("not json")),
            Error(new MalformedMessage("not json"), "MalformedMessage")),
        ("protocol violation",
            new ErrorRaisedNotice(new ProtocolViolation("signal from oneself")),
            Error(new ProtocolViolation("signal from oneself"), "ProtocolViolation")),
        ("command rejected",
            new ErrorRaisedNotice(new CommandRejected("Join", "closed")),
            Error(new CommandRejected("Join", "closed"), "CommandRejected")),
        ("data send queued",
            new DataSendAcceptedNotice(4, "B", "chat", Queued: true),
            Event(TraceEventKind.DataSend) with { Remote = "B", Detail = "chat", Reason = "queued" }),
        ("data send sent",
            new DataSendAcceptedNotice(5, "B", "chat", Queued: false),
            Event(TraceEventKind.DataSend) with { Remote = "B", Detail = "chat", Reason = "sent" }),
        ("data received",
            new DataReceivedNotice("B", 7, "chat", new byte[] { 1 }),
            Event(TraceEventKind.DataReceived) with { Remote = "B", Ref = 7, Detail = "chat" }),
        ("media failure tolerated",
            new MediaFailureToleratedNotice("B", 7, 3, MediaOperation.AddIceCandidate, "unknown m-line"),
            Event(TraceEventKind.MediaFailureTolerated) with { Remote = "B", Ref = 7, Conn = 3, Detail = "add-ice-candidate", Reason = "unknown m-line" }),
        ("data send failed",
            new ErrorRaisedNotice(new DataSendFailed(6, "B", "chat", DataSendFailure.QueueFull)),
            Error(new DataSendFailed(6, "B", "chat", DataSendFailure.QueueFull), "DataSendFailed") with { Remote = "B" }),
        ("media error",
            new ErrorRaisedNotice(new MediaError("B", "setRemoteDescription failed")),
            Error(new MediaError("B", "setRemoteDescription failed"), "MediaError") with { Remote = "B" }),
    ];

    public static TheoryData<string> CaseNames => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_notice_maps_to_its_trace_event(string name)
    {
        var (_, notice, expected) = Cases.Single(c => c.Name == name);

        Assert.Equal(expected, TraceMapper.FromNotice(Peer, At, notice));
    }

    [Fact]
    public void Every_engine_notice_type_has_a_mapping_case()
    {
        var covered = Cases.Select(c => c.Notice.GetType()).ToHashSet();

        var missing = ConcreteTypesDerivedFrom(typeof(EngineNotice)).Where(type => !covered.Contains(type)).Select(type => type.Name);

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_error_type_has_a_mapping_case()
    {
        var covered = Cases.Select(c => c.Notice).OfType<ErrorRaisedNotice>().Select(e => e.Error.GetType()).ToHashSet();

        var missing = ConcreteTypesDerivedFrom(typeof(ReconnectError)).Where(type => !covered.Contains(type)).Select(type => type.Name);

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_mapped_notice_has_a_documented_event_kind()
    {
        var kinds = Cases.Select(c => TraceMapper.FromNotice(Peer, At, c.Notice)!.Event).Distinct(StringComparer.Ordinal);

        Assert.All(kinds, kind => Assert.Contains(kind, TraceEventKind.All));
    }

    [Fact]
    public void Every_state_has_a_lower_case_trace_name()
    {
        var local = Enum.GetValues<LocalPeerState>().Select(TraceStateNames.Of);
        var remote = Enum.GetValues<RemotePeerState>().Select(TraceStateNames.Of);

        Assert.Equal(["idle", "joining", "joined", "reconnecting", "leaving", "closed"], local);
        Assert.Equal(["idle", "connecting", "connected", "reconnecting", "closed"], remote);
    }

    [Fact]
    public void A_notice_type_the_mapper_does_not_know_maps_to_null()
    {
        Assert.Null(TraceMapper.FromNotice(Peer, At, new FutureNotice()));
    }

    private static TraceEvent Event(string kind) => new(At, Peer, kind);

    private static TraceEvent Error(ReconnectError error, string typeName) =>
        Event(TraceEventKind.Error) with { Reason = typeName, Detail = error.Message };

    private static IEnumerable<Type> ConcreteTypesDerivedFrom(Type root) =>
        root.Assembly.GetTypes().Where(type => root.IsAssignableFrom(type) && !type.IsAbstract).OrderBy(type => type.Name, StringComparer.Ordinal);

    private sealed record FutureNotice : EngineNotice;
}

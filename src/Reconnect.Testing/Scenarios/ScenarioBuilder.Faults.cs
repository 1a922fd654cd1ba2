using Reconnect.Core.Engine;

namespace Reconnect.Testing.Scenarios;

/// <summary>The timeline faults of <see cref="ScenarioBuilder"/>: one method per <see cref="FaultKind"/>, at the time of the last <see cref="At"/>.</summary>
public sealed partial class ScenarioBuilder
{
    /// <summary><see cref="FaultKind.Offline"/>: <paramref name="peer"/> loses every network path for <paramref name="duration"/>.</summary>
    public ScenarioBuilder Offline(string peer, TimeSpan duration) =>
        Add(Fault(FaultKind.Offline, peer) with { DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)) });

    /// <summary><see cref="FaultKind.SignallingDrop"/>: the peer's signalling path is cut without a close frame; media keeps flowing.</summary>
    public ScenarioBuilder SignallingDrop(string peer, TimeSpan duration) =>
        Add(Fault(FaultKind.SignallingDrop, peer) with { DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)) });

    /// <summary><see cref="FaultKind.MediaDrop"/>: the peer's media paths (or only the one to <paramref name="other"/>) drop; signalling stays up.</summary>
    public ScenarioBuilder MediaDrop(string peer, TimeSpan duration, string? other = null) =>
        Add(Fault(FaultKind.MediaDrop, peer) with { Other = other, DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)) });

    /// <summary><see cref="FaultKind.IpChange"/>: the peer's address changes; every open path dies and a new one works at once.</summary>
    public ScenarioBuilder IpChange(string peer) => Add(Fault(FaultKind.IpChange, peer));

    /// <summary><see cref="FaultKind.AddressSignal"/>: the peer's operating system reports an address change while every path keeps working.</summary>
    public ScenarioBuilder AddressSignal(string peer) => Add(Fault(FaultKind.AddressSignal, peer));

    /// <summary><see cref="FaultKind.ServerRestart"/>: the server goes away gracefully for <paramref name="duration"/>, hinting <paramref name="retryAfter"/>.</summary>
    public ScenarioBuilder ServerRestart(TimeSpan duration, TimeSpan? retryAfter = null) =>
        Add(Fault(FaultKind.ServerRestart) with
        {
            DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)),
            RetryAfterMs = ScenarioTime.Milliseconds(retryAfter, nameof(retryAfter)),
        });

    /// <summary><see cref="FaultKind.ServerKick"/>: an operator closes the peer's session with <paramref name="code"/> (1000 or 3000 to 4999).</summary>
    public ScenarioBuilder ServerKick(string peer, int code) => Add(Fault(FaultKind.ServerKick, peer) with { Code = code });

    /// <summary><see cref="FaultKind.TokenFailures"/>: the peer's next <paramref name="count"/> token fetches fail.</summary>
    public ScenarioBuilder TokenFailures(string peer, int count) => Add(Fault(FaultKind.TokenFailures, peer) with { Count = count });

    /// <summary><see cref="FaultKind.TokenExpiry"/>: the server closes the peer's socket with 4002 token_expired.</summary>
    public ScenarioBuilder TokenExpiry(string peer) => Add(Fault(FaultKind.TokenExpiry, peer));

    /// <summary><see cref="FaultKind.PeerLeave"/>: the peer's app leaves the channel.</summary>
    public ScenarioBuilder PeerLeave(string peer) => Add(Fault(FaultKind.PeerLeave, peer));

    /// <summary><see cref="FaultKind.PeerClose"/>: the peer's app closes its call for good.</summary>
    public ScenarioBuilder PeerClose(string peer) => Add(Fault(FaultKind.PeerClose, peer));

    /// <summary><see cref="FaultKind.PeerJoin"/>: the peer's app joins the channel (see <see cref="PeerBuilder.JoinsLater"/>).</summary>
    public ScenarioBuilder PeerJoin(string peer) => Add(Fault(FaultKind.PeerJoin, peer));

    /// <summary>
    /// <see cref="FaultKind.Latency"/>: from now on, links (all, or those of <paramref name="peer"/>; both planes, or
    /// only <paramref name="plane"/>) have <paramref name="latency"/> and <paramref name="jitter"/>.
    /// </summary>
    public ScenarioBuilder Latency(TimeSpan latency, TimeSpan? jitter = null, string? peer = null, FaultPlane? plane = null) =>
        Add(Fault(FaultKind.Latency, peer) with
        {
            LatencyMs = ScenarioTime.Milliseconds(latency, nameof(latency)),
            JitterMs = ScenarioTime.Milliseconds(jitter, nameof(jitter)),
            Plane = plane,
        });

    /// <summary>
    /// <see cref="FaultKind.Loss"/>: from now on, links (all, or those of <paramref name="peer"/>; both planes, or only
    /// <paramref name="plane"/>) lose each packet with probability <paramref name="loss"/> in [0, 1).
    /// </summary>
    public ScenarioBuilder Loss(double loss, string? peer = null, FaultPlane? plane = null) =>
        Add(Fault(FaultKind.Loss, peer) with { Loss = loss, Plane = plane });

    /// <summary><see cref="FaultKind.ClockJump"/>: the peer's machine sleeps for <paramref name="duration"/>, then notices the sleep.</summary>
    public ScenarioBuilder ClockJump(string peer, TimeSpan duration) =>
        Add(Fault(FaultKind.ClockJump, peer) with { DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)) });

    /// <summary><see cref="FaultKind.Partition"/>: the media path between <paramref name="peer"/> and <paramref name="other"/> is cut while both keep signalling.</summary>
    public ScenarioBuilder Partition(string peer, string other, TimeSpan duration) =>
        Add(Fault(FaultKind.Partition, peer) with { Other = other, DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)) });

    /// <summary><see cref="FaultKind.WallClockJump"/>: the peer's wall clock alone steps by <paramref name="offset"/> (negative: back).</summary>
    public ScenarioBuilder WallClockJump(string peer, TimeSpan offset) =>
        Add(Fault(FaultKind.WallClockJump, peer) with { OffsetMs = ScenarioTime.Milliseconds(offset, nameof(offset)) });

    /// <summary><see cref="FaultKind.Blackhole"/>: every packet of the peer (or of one <paramref name="plane"/>) silently vanishes both ways.</summary>
    public ScenarioBuilder Blackhole(string peer, TimeSpan duration, FaultPlane? plane = null) =>
        Add(Fault(FaultKind.Blackhole, peer) with { DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)), Plane = plane });

    /// <summary>
    /// <see cref="FaultKind.OneWayPartition"/>: the peer's packets to <paramref name="other"/> (a peer, or <c>"server"</c>)
    /// vanish while the other way works (<see cref="FaultDirection.Inbound"/>: the reverse).
    /// </summary>
    public ScenarioBuilder OneWayPartition(string peer, string other, TimeSpan duration, FaultDirection? direction = null) =>
        Add(Fault(FaultKind.OneWayPartition, peer) with
        {
            Other = other,
            DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)),
            Direction = direction,
        });

    /// <summary>
    /// <see cref="FaultKind.OneWayLoss"/>: the peer's outbound (or inbound) packets, to or from <paramref name="other"/>
    /// (a peer, or <c>"server"</c>) or anyone, on both planes or one, are lost with probability <paramref name="loss"/>.
    /// </summary>
    public ScenarioBuilder OneWayLoss(string peer, double loss, TimeSpan duration, string? other = null, FaultDirection? direction = null, FaultPlane? plane = null) =>
        Add(Fault(FaultKind.OneWayLoss, peer) with
        {
            Other = other,
            DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)),
            Loss = loss,
            Plane = plane,
            Direction = direction,
        });

    /// <summary><see cref="FaultKind.ServerCrash"/>: the server dies, losing every session, and refuses connections for <paramref name="duration"/>.</summary>
    public ScenarioBuilder ServerCrash(TimeSpan? duration = null) =>
        Add(Fault(FaultKind.ServerCrash) with { DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)) });

    /// <summary><see cref="FaultKind.TokenHang"/>: the peer's token provider never answers its next <paramref name="count"/> fetches.</summary>
    public ScenarioBuilder TokenHang(string peer, int count) => Add(Fault(FaultKind.TokenHang, peer) with { Count = count });

    /// <summary><see cref="FaultKind.TokenHang"/>: the peer's token provider answers no fetch for <paramref name="duration"/>.</summary>
    public ScenarioBuilder TokenHang(string peer, TimeSpan duration) =>
        Add(Fault(FaultKind.TokenHang, peer) with { DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)) });

    /// <summary><see cref="FaultKind.ExpiredToken"/>: the peer's next <paramref name="count"/> fetches give an already-expired token.</summary>
    public ScenarioBuilder ExpiredToken(string peer, int count) => Add(Fault(FaultKind.ExpiredToken, peer) with { Count = count });

    /// <summary><see cref="FaultKind.Publish"/>: the peer's app publishes a new local stream mid-call.</summary>
    public ScenarioBuilder Publish(string peer, string stream) => Add(Fault(FaultKind.Publish, peer) with { Stream = stream });

    /// <summary><see cref="FaultKind.Unpublish"/>: the peer's app withdraws a local stream mid-call.</summary>
    public ScenarioBuilder Unpublish(string peer, string stream) => Add(Fault(FaultKind.Unpublish, peer) with { Stream = stream });

    /// <summary><see cref="FaultKind.ReplaceTrack"/>: the peer's app replaces the track of its local stream with <paramref name="track"/>.</summary>
    public ScenarioBuilder ReplaceTrack(string peer, string stream, string track) =>
        Add(Fault(FaultKind.ReplaceTrack, peer) with { Stream = stream, Track = track });

    /// <summary><see cref="FaultKind.RetryNow"/>: the peer's app presses "retry now", cutting its pending retry waits short.</summary>
    public ScenarioBuilder RetryNow(string peer) => Add(Fault(FaultKind.RetryNow, peer));

    /// <summary>
    /// <see cref="FaultKind.MediaFreeze"/>: the peer's inbound media (from <paramref name="other"/>, or every remote)
    /// freezes while ICE stays connected, until an ICE restart or a new connection, or for at most <paramref name="duration"/>.
    /// </summary>
    public ScenarioBuilder MediaFreeze(string peer, string? other = null, TimeSpan? duration = null) =>
        Add(Fault(FaultKind.MediaFreeze, peer) with { Other = other, DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)) });

    /// <summary><see cref="FaultKind.DataSend"/>: the peer's app sends <paramref name="count"/> numbered messages to <paramref name="other"/> on its declared channel <paramref name="label"/>.</summary>
    public ScenarioBuilder DataSend(string peer, string other, string label, int count = 1) =>
        Add(Fault(FaultKind.DataSend, peer) with { Other = other, Label = label, Count = count });

    /// <summary>
    /// <see cref="FaultKind.MediaVerbFails"/>: the peer's media port fails its next <paramref name="count"/> calls of
    /// <paramref name="verb"/> (toward <paramref name="other"/> only, when given) asynchronously.
    /// </summary>
    public ScenarioBuilder MediaVerbFails(string peer, MediaOperation verb, int count = 1, string? other = null) =>
        Add(Fault(FaultKind.MediaVerbFails, peer) with { Verb = verb, Count = count, Other = other });
}

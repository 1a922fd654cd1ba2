using System.Text.Json.Serialization;

namespace Reconnect.Testing.Scenarios;

/// <summary>What a timeline fault does to the simulated world; the JSON name of each is its kebab-case form.</summary>
public enum FaultKind
{
    /// <summary>The peer loses every network path (signalling and media) for <c>durationMs</c>.</summary>
    [JsonStringEnumMemberName("offline")]
    Offline,

    /// <summary>The peer's signalling path is cut without a close frame for <c>durationMs</c>; media keeps flowing.</summary>
    [JsonStringEnumMemberName("signalling-drop")]
    SignallingDrop,

    /// <summary>The peer's media paths (or only the one to <c>other</c>) drop for <c>durationMs</c>; signalling stays up.</summary>
    [JsonStringEnumMemberName("media-drop")]
    MediaDrop,

    /// <summary>The peer's address changes (Wi-Fi to cellular): every open path dies at once and a new one works at once.</summary>
    [JsonStringEnumMemberName("ip-change")]
    IpChange,

    /// <summary>The server shuts down gracefully and refuses connections for <c>durationMs</c>, hinting <c>retryAfterMs</c>.</summary>
    [JsonStringEnumMemberName("server-restart")]
    ServerRestart,

    /// <summary>An operator removes the peer's session and closes its socket with <c>code</c>.</summary>
    [JsonStringEnumMemberName("server-kick")]
    ServerKick,

    /// <summary>The peer's next <c>count</c> token fetches fail.</summary>
    [JsonStringEnumMemberName("token-failures")]
    TokenFailures,

    /// <summary>The server closes the peer's socket with 4002 token_expired; a fresh token is needed.</summary>
    [JsonStringEnumMemberName("token-expiry")]
    TokenExpiry,

    /// <summary>The peer's app leaves the channel (a graceful leave).</summary>
    [JsonStringEnumMemberName("peer-leave")]
    PeerLeave,

    /// <summary>The peer's app closes its call for good.</summary>
    [JsonStringEnumMemberName("peer-close")]
    PeerClose,

    /// <summary>The peer's app joins the channel.</summary>
    [JsonStringEnumMemberName("peer-join")]
    PeerJoin,

    /// <summary>From now on, links (every link, or those touching <c>peer</c>; both planes, or only <c>plane</c>) have <c>latencyMs</c> and <c>jitterMs</c>.</summary>
    [JsonStringEnumMemberName("latency")]
    Latency,

    /// <summary>From now on, links (every link, or those touching <c>peer</c>; both planes, or only <c>plane</c>) lose each packet with probability <c>loss</c>.</summary>
    [JsonStringEnumMemberName("loss")]
    Loss,

    /// <summary>The peer's machine sleeps for <c>durationMs</c>: nothing on it runs and it hears nothing until it wakes, then it notices the sleep.</summary>
    [JsonStringEnumMemberName("clock-jump")]
    ClockJump,

    /// <summary>The media path between <c>peer</c> and <c>other</c> is cut for <c>durationMs</c> while both keep signalling.</summary>
    [JsonStringEnumMemberName("partition")]
    Partition,

    /// <summary>The peer's wall clock alone steps by <c>offsetMs</c> (negative steps it back); monotonic time runs on.</summary>
    [JsonStringEnumMemberName("wall-clock-jump")]
    WallClockJump,

    /// <summary>Every packet of the peer (or of one <c>plane</c>) silently vanishes both ways for <c>durationMs</c>: no local error, no close.</summary>
    [JsonStringEnumMemberName("blackhole")]
    Blackhole,

    /// <summary>For <c>durationMs</c> the peer's packets to <c>other</c> (a peer or the server) vanish while the other way works (<c>direction</c> inbound: the reverse).</summary>
    [JsonStringEnumMemberName("one-way-partition")]
    OneWayPartition,

    /// <summary>For <c>durationMs</c> the peer's outbound (or inbound) packets, to or from <c>other</c> or anyone, are lost with probability <c>loss</c>.</summary>
    [JsonStringEnumMemberName("one-way-loss")]
    OneWayLoss,

    /// <summary>The server process dies: every socket is cut without a going-away, every session is lost, and connections are refused for <c>durationMs</c>.</summary>
    [JsonStringEnumMemberName("server-crash")]
    ServerCrash,

    /// <summary>The peer's token provider never answers its next <c>count</c> fetches, or any fetch for <c>durationMs</c>.</summary>
    [JsonStringEnumMemberName("token-hang")]
    TokenHang,

    /// <summary>The peer's token provider hands out an already-expired token for its next <c>count</c> fetches; the server refuses it with 4002.</summary>
    [JsonStringEnumMemberName("expired-token")]
    ExpiredToken,

    /// <summary>The peer's app publishes a new local stream <c>stream</c> mid-call.</summary>
    [JsonStringEnumMemberName("publish")]
    Publish,

    /// <summary>The peer's app withdraws its local stream <c>stream</c> mid-call.</summary>
    [JsonStringEnumMemberName("unpublish")]
    Unpublish,

    /// <summary>The peer's app replaces the track of its local stream <c>stream</c> with <c>track</c>.</summary>
    [JsonStringEnumMemberName("replace-track")]
    ReplaceTrack,

    /// <summary>The peer's app presses "retry now": every pending retry wait is cut short, unless the rate limit refuses the press.</summary>
    [JsonStringEnumMemberName("retry-now")]
    RetryNow,

    /// <summary>
    /// The peer's inbound media (from every remote, or only from <c>other</c>) freezes while its ICE stays connected,
    /// until an ICE restart forms a new pair or a new connection replaces it, or for at most <c>durationMs</c> when given.
    /// </summary>
    [JsonStringEnumMemberName("media-freeze")]
    MediaFreeze,

    /// <summary>The peer's app sends <c>count</c> messages to <c>other</c> on its declared data channel <c>label</c>, numbered on from the last.</summary>
    [JsonStringEnumMemberName("data-send")]
    DataSend,

    /// <summary>
    /// The peer's media port fails its next <c>count</c> calls (1 by default) of the media verb <c>verb</c> (toward
    /// <c>other</c> only, when given) asynchronously, as a rejected W3C promise: the engine tolerates, reports or heals by
    /// the verb. Failures not spent by the heal are disarmed then.
    /// </summary>
    [JsonStringEnumMemberName("media-verb-fails")]
    MediaVerbFails,

    /// <summary>
    /// The peer's operating system reports an address change while every path keeps working (a VPN or a second interface
    /// came up): with <c>networkSignals</c> the engine restarts ICE over a working path, which stays connected throughout.
    /// </summary>
    [JsonStringEnumMemberName("address-signal")]
    AddressSignal,
}

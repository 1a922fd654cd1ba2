using System.Text.Json.Serialization;

namespace Reconnect.Sim.Scenarios;

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

    /// <summary>From now on, links (every link, or those touching <c>peer</c>) have <c>latencyMs</c> and <c>jitterMs</c>.</summary>
    [JsonStringEnumMemberName("latency")]
    Latency,

    /// <summary>From now on, links (every link, or those touching <c>peer</c>) drop each packet with probability <c>loss</c>.</summary>
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
}

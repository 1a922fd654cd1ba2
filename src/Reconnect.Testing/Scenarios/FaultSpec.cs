using System.Text.Json.Serialization;
using Reconnect.Core.Engine;

namespace Reconnect.Testing.Scenarios;

/// <summary>
/// One fault on the timeline. Which fields a kind needs or accepts is fixed per kind (see docs/scenarios.md);
/// a field a kind does not use is an error, so a typo cannot pass silently.
/// </summary>
public sealed record FaultSpec
{
    /// <summary>When the fault happens, in milliseconds from the start of the run.</summary>
    public required int AtMs { get; init; }

    /// <summary>What happens.</summary>
    public required FaultKind Kind { get; init; }

    /// <summary>The peer the fault happens to; required for peer faults, optional for <c>latency</c> and <c>loss</c>.</summary>
    public string? Peer { get; init; }

    /// <summary>
    /// The second peer, for <c>partition</c> and <c>data-send</c> (required) and <c>media-drop</c> and <c>media-verb-fails</c> between two peers (optional); for
    /// <c>one-way-partition</c> (required) and <c>one-way-loss</c> (optional) a peer or <c>"server"</c>.
    /// </summary>
    public string? Other { get; init; }

    /// <summary>How long the fault lasts, in milliseconds.</summary>
    public int? DurationMs { get; init; }

    /// <summary>The close code of a <c>server-kick</c>.</summary>
    public int? Code { get; init; }

    /// <summary>How many token fetches fail (<c>token-failures</c>), hang (<c>token-hang</c>) or get an expired token (<c>expired-token</c>), or how many messages a <c>data-send</c> sends, or how many calls a <c>media-verb-fails</c> fails.</summary>
    public int? Count { get; init; }

    /// <summary>The retry hint a <c>server-restart</c> sends with its going-away message, in milliseconds.</summary>
    public int? RetryAfterMs { get; init; }

    /// <summary>The new one-way delay, for <c>latency</c>, in milliseconds.</summary>
    public int? LatencyMs { get; init; }

    /// <summary>The new jitter, for <c>latency</c>, in milliseconds.</summary>
    public int? JitterMs { get; init; }

    /// <summary>The packet loss probability in [0, 1), for <c>loss</c> and <c>one-way-loss</c>.</summary>
    public double? Loss { get; init; }

    /// <summary>How far a <c>wall-clock-jump</c> steps the peer's wall clock, in milliseconds; negative steps it back.</summary>
    public int? OffsetMs { get; init; }

    /// <summary>The one plane the fault hits (<c>blackhole</c>, <c>latency</c>, <c>loss</c>, <c>one-way-loss</c>); both when null.</summary>
    public FaultPlane? Plane { get; init; }

    /// <summary>Which way a one-way fault hits; <see cref="FaultDirection.Outbound"/> when null.</summary>
    public FaultDirection? Direction { get; init; }

    /// <summary>The local stream of <c>publish</c>, <c>unpublish</c> and <c>replace-track</c>.</summary>
    public string? Stream { get; init; }

    /// <summary>The new track of <c>replace-track</c>.</summary>
    public string? Track { get; init; }

    /// <summary>The declared data channel a <c>data-send</c> sends on.</summary>
    public string? Label { get; init; }

    /// <summary>The media verb a <c>media-verb-fails</c> fails, by its kebab-case name (<c>create-offer</c>, <c>set-local-description</c>).</summary>
    public MediaOperation? Verb { get; init; }

    /// <summary>The fault's end (<see cref="AtMs"/> + <see cref="DurationMs"/>), or null when it has no duration.</summary>
    [JsonIgnore]
    public int? EndMs => DurationMs is { } duration ? AtMs + duration : null;
}

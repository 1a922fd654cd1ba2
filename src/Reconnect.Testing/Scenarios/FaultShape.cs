namespace Reconnect.Testing.Scenarios;

/// <summary>The optional fields of a <see cref="FaultSpec"/>.</summary>
[Flags]
internal enum FaultFields
{
    None = 0,
    Peer = 1 << 0,
    Other = 1 << 1,
    DurationMs = 1 << 2,
    Code = 1 << 3,
    Count = 1 << 4,
    RetryAfterMs = 1 << 5,
    LatencyMs = 1 << 6,
    JitterMs = 1 << 7,
    Loss = 1 << 8,
    Plane = 1 << 9,
    Direction = 1 << 10,
    Stream = 1 << 11,
    Track = 1 << 12,
    OffsetMs = 1 << 13,
    Label = 1 << 14,
    Verb = 1 << 15,
}

/// <summary>
/// Which fields a fault kind needs and which it also accepts; any other field is an error. (<c>token-hang</c> takes
/// exactly one of its two optional fields; the validator checks that.)
/// </summary>
/// <param name="Required">Fields the kind cannot do without.</param>
/// <param name="Optional">Fields the kind may be given.</param>
internal sealed record FaultShape(FaultFields Required, FaultFields Optional)
{
    /// <summary>Every optional field with its JSON name and whether a fault sets it, in JSON order.</summary>
    public static IReadOnlyList<(FaultFields Field, string Name, Func<FaultSpec, bool> IsSet)> Fields { get; } =
    [
        (FaultFields.Peer, "peer", f => f.Peer is not null),
        (FaultFields.Other, "other", f => f.Other is not null),
        (FaultFields.DurationMs, "durationMs", f => f.DurationMs is not null),
        (FaultFields.Code, "code", f => f.Code is not null),
        (FaultFields.Count, "count", f => f.Count is not null),
        (FaultFields.RetryAfterMs, "retryAfterMs", f => f.RetryAfterMs is not null),
        (FaultFields.LatencyMs, "latencyMs", f => f.LatencyMs is not null),
        (FaultFields.JitterMs, "jitterMs", f => f.JitterMs is not null),
        (FaultFields.Loss, "loss", f => f.Loss is not null),
        (FaultFields.OffsetMs, "offsetMs", f => f.OffsetMs is not null),
        (FaultFields.Plane, "plane", f => f.Plane is not null),
        (FaultFields.Direction, "direction", f => f.Direction is not null),
        (FaultFields.Stream, "stream", f => f.Stream is not null),
        (FaultFields.Track, "track", f => f.Track is not null),
        (FaultFields.Label, "label", f => f.Label is not null),
        (FaultFields.Verb, "verb", f => f.Verb is not null),
    ];

    /// <summary>The shape of a fault kind.</summary>
    public static FaultShape Of(FaultKind kind) => kind switch
    {
        FaultKind.Offline => new(FaultFields.Peer | FaultFields.DurationMs, FaultFields.None),
        FaultKind.SignallingDrop => new(FaultFields.Peer | FaultFields.DurationMs, FaultFields.None),
        FaultKind.MediaDrop => new(FaultFields.Peer | FaultFields.DurationMs, FaultFields.Other),
        FaultKind.IpChange => new(FaultFields.Peer, FaultFields.None),
        FaultKind.AddressSignal => new(FaultFields.Peer, FaultFields.None),
        FaultKind.ServerRestart => new(FaultFields.DurationMs, FaultFields.RetryAfterMs),
        FaultKind.ServerKick => new(FaultFields.Peer | FaultFields.Code, FaultFields.None),
        FaultKind.TokenFailures => new(FaultFields.Peer | FaultFields.Count, FaultFields.None),
        FaultKind.TokenExpiry => new(FaultFields.Peer, FaultFields.None),
        FaultKind.PeerLeave => new(FaultFields.Peer, FaultFields.None),
        FaultKind.PeerClose => new(FaultFields.Peer, FaultFields.None),
        FaultKind.PeerJoin => new(FaultFields.Peer, FaultFields.None),
        FaultKind.Latency => new(FaultFields.LatencyMs, FaultFields.Peer | FaultFields.JitterMs | FaultFields.Plane),
        FaultKind.Loss => new(FaultFields.Loss, FaultFields.Peer | FaultFields.Plane),
        FaultKind.ClockJump => new(FaultFields.Peer | FaultFields.DurationMs, FaultFields.None),
        FaultKind.Partition => new(FaultFields.Peer | FaultFields.Other | FaultFields.DurationMs, FaultFields.None),
        FaultKind.WallClockJump => new(FaultFields.Peer | FaultFields.OffsetMs, FaultFields.None),
        FaultKind.Blackhole => new(FaultFields.Peer | FaultFields.DurationMs, FaultFields.Plane),
        FaultKind.OneWayPartition => new(FaultFields.Peer | FaultFields.Other | FaultFields.DurationMs, FaultFields.Direction),
        FaultKind.OneWayLoss => new(FaultFields.Peer | FaultFields.Loss | FaultFields.DurationMs, FaultFields.Other | FaultFields.Direction | FaultFields.Plane),
        FaultKind.ServerCrash => new(FaultFields.None, FaultFields.DurationMs),
        FaultKind.TokenHang => new(FaultFields.Peer, FaultFields.Count | FaultFields.DurationMs),
        FaultKind.ExpiredToken => new(FaultFields.Peer | FaultFields.Count, FaultFields.None),
        FaultKind.Publish => new(FaultFields.Peer | FaultFields.Stream, FaultFields.None),
        FaultKind.Unpublish => new(FaultFields.Peer | FaultFields.Stream, FaultFields.None),
        FaultKind.ReplaceTrack => new(FaultFields.Peer | FaultFields.Stream | FaultFields.Track, FaultFields.None),
        FaultKind.RetryNow => new(FaultFields.Peer, FaultFields.None),
        FaultKind.MediaFreeze => new(FaultFields.Peer, FaultFields.Other | FaultFields.DurationMs),
        FaultKind.DataSend => new(FaultFields.Peer | FaultFields.Other | FaultFields.Label | FaultFields.Count, FaultFields.None),
        FaultKind.MediaVerbFails => new(FaultFields.Peer | FaultFields.Verb, FaultFields.Other | FaultFields.Count),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined fault kind."),
    };
}

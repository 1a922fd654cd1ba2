namespace Reconnect.Sim.Scenarios;

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
    OffsetMs = 1 << 9,
}

/// <summary>Which fields a fault kind needs and which it also accepts; any other field is an error.</summary>
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
    ];

    /// <summary>The shape of a fault kind.</summary>
    public static FaultShape Of(FaultKind kind) => kind switch
    {
        FaultKind.Offline => new(FaultFields.Peer | FaultFields.DurationMs, FaultFields.None),
        FaultKind.SignallingDrop => new(FaultFields.Peer | FaultFields.DurationMs, FaultFields.None),
        FaultKind.MediaDrop => new(FaultFields.Peer | FaultFields.DurationMs, FaultFields.Other),
        FaultKind.IpChange => new(FaultFields.Peer, FaultFields.None),
        FaultKind.ServerRestart => new(FaultFields.DurationMs, FaultFields.RetryAfterMs),
        FaultKind.ServerKick => new(FaultFields.Peer | FaultFields.Code, FaultFields.None),
        FaultKind.TokenFailures => new(FaultFields.Peer | FaultFields.Count, FaultFields.None),
        FaultKind.TokenExpiry => new(FaultFields.Peer, FaultFields.None),
        FaultKind.PeerLeave => new(FaultFields.Peer, FaultFields.None),
        FaultKind.PeerClose => new(FaultFields.Peer, FaultFields.None),
        FaultKind.PeerJoin => new(FaultFields.Peer, FaultFields.None),
        FaultKind.Latency => new(FaultFields.LatencyMs, FaultFields.Peer | FaultFields.JitterMs),
        FaultKind.Loss => new(FaultFields.Loss, FaultFields.Peer),
        FaultKind.ClockJump => new(FaultFields.Peer | FaultFields.DurationMs, FaultFields.None),
        FaultKind.Partition => new(FaultFields.Peer | FaultFields.Other | FaultFields.DurationMs, FaultFields.None),
        FaultKind.WallClockJump => new(FaultFields.Peer | FaultFields.OffsetMs, FaultFields.None),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined fault kind."),
    };
}

using FsCheck;
using FsCheck.Fluent;
using Reconnect.Sim.Scenarios;

namespace Reconnect.Sim.Exploration;

/// <summary>
/// FsCheck generators of fault schedules for peers on one channel: every kind that heals on its own
/// (no <c>server-kick</c>, no <c>peer-close</c>), at times inside the safety phase, lasting 0.5 to 70 s,
/// with <c>peer-leave</c> and <c>peer-join</c> rare and never for the first peer, so someone is always in the call.
/// </summary>
public static class FaultScheduleGen
{
    /// <summary>The shortest fault.</summary>
    public const int MinDurationMs = 500;

    /// <summary>The longest fault.</summary>
    public const int MaxDurationMs = 70_000;

    /// <summary>The latest start of a timed <c>latency</c> or <c>loss</c> fault, so its restore comes strictly later.</summary>
    public const int LatestNetworkChangeMs = ExplorationCase.SafetyPhaseMs - MinDurationMs - 1;

    /// <summary>The fault kinds a schedule draws from, with their weights.</summary>
    public static IReadOnlyList<(FaultKind Kind, int Weight)> Kinds { get; } =
    [
        (FaultKind.Offline, 4),
        (FaultKind.SignallingDrop, 4),
        (FaultKind.MediaDrop, 3),
        (FaultKind.IpChange, 3),
        (FaultKind.ServerRestart, 3),
        (FaultKind.TokenFailures, 2),
        (FaultKind.TokenExpiry, 2),
        (FaultKind.Latency, 2),
        (FaultKind.Loss, 2),
        (FaultKind.ClockJump, 2),
        (FaultKind.Partition, 3),
        (FaultKind.PeerLeave, 1),
        (FaultKind.PeerJoin, 1),
    ];

    /// <summary>A schedule of exactly <paramref name="faults"/> faults for <paramref name="peers"/> peers (2 or 3).</summary>
    public static Gen<IReadOnlyList<FaultSpec>> Schedule(int peers, int faults)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(peers, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(peers, ExplorationCase.MaxPeers);
        ArgumentOutOfRangeException.ThrowIfNegative(faults);
        return Fault(ExplorationCase.PeerNames(peers)).ListOf(faults).Select(list => (IReadOnlyList<FaultSpec>)[.. list]);
    }

    /// <summary>One fault for one of <paramref name="peers"/>.</summary>
    public static Gen<FaultSpec> Fault(IReadOnlyList<string> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var names = peers.ToArray();
        return Gen.Frequency(Kinds.Select(k => (k.Weight, Of(k.Kind, names))));
    }

    /// <summary>A fault of one kind for one of <paramref name="peers"/>.</summary>
    public static Gen<FaultSpec> Of(FaultKind kind, IReadOnlyList<string> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var names = peers.ToArray();
        var peer = Gen.Elements(names);
        var atMs = Gen.Choose(0, ExplorationCase.SafetyPhaseMs - 1);
        return kind switch
        {
            FaultKind.Offline or FaultKind.SignallingDrop or FaultKind.ClockJump =>
                from at in atMs
                from who in peer
                from duration in Duration
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who, DurationMs = duration },
            FaultKind.MediaDrop =>
                from at in atMs
                from pair in Pair(names)
                from toOne in Gen.Elements(false, true)
                from duration in Duration
                select new FaultSpec { AtMs = at, Kind = kind, Peer = pair.Item1, Other = toOne ? pair.Item2 : null, DurationMs = duration },
            FaultKind.Partition =>
                from at in atMs
                from pair in Pair(names)
                from duration in Duration
                select new FaultSpec { AtMs = at, Kind = kind, Peer = pair.Item1, Other = pair.Item2, DurationMs = duration },
            FaultKind.IpChange or FaultKind.TokenExpiry =>
                from at in atMs
                from who in peer
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who },
            FaultKind.TokenFailures =>
                from at in atMs
                from who in peer
                from count in Gen.Choose(1, 8)
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who, Count = count },
            FaultKind.ServerRestart =>
                from at in atMs
                from duration in Duration
                from hint in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(0, 5_000).Select(ms => (int?)ms)))
                select new FaultSpec { AtMs = at, Kind = kind, DurationMs = duration, RetryAfterMs = hint },
            FaultKind.Latency =>
                from at in Gen.Choose(0, LatestNetworkChangeMs)
                from who in Gen.OneOf(Gen.Constant<string?>(null), peer.Select(p => (string?)p))
                from latency in Gen.Choose(100, 1_500)
                from jitter in Gen.Choose(0, 200)
                from duration in Duration
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who, LatencyMs = latency, JitterMs = jitter, DurationMs = duration },
            FaultKind.Loss =>
                from at in Gen.Choose(0, LatestNetworkChangeMs)
                from who in Gen.OneOf(Gen.Constant<string?>(null), peer.Select(p => (string?)p))
                from percent in Gen.Choose(5, 50)
                from duration in Duration
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who, Loss = percent / 100.0, DurationMs = duration },
            FaultKind.PeerLeave or FaultKind.PeerJoin =>
                from at in atMs
                from who in Gen.Elements(names[1..])
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a fault kind the explorer generates."),
        };
    }

    /// <summary>A duration from 0.5 to 70 s, most of them short.</summary>
    private static Gen<int> Duration => Gen.Frequency(
        (3, Gen.Choose(MinDurationMs, 5_000)),
        (2, Gen.Choose(5_000, 30_000)),
        (1, Gen.Choose(30_000, MaxDurationMs)));

    private static Gen<(string, string)> Pair(string[] names) =>
        Gen.Elements(names).Two().Where(pair => pair.Item1 != pair.Item2);
}

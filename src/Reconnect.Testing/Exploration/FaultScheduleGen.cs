using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Engine;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Testing.Exploration;

/// <summary>
/// FsCheck generators of fault schedules for peers on one channel: every kind that heals on its own
/// (no <c>server-kick</c>, no <c>peer-close</c>), at times inside the safety phase, lasting 0.5 to 70 s,
/// <c>wall-clock-jump</c> stepping a peer's wall clock forwards or backwards by 1 ms to a day, <c>retry-now</c> pressed
/// by a peer's app at any moment (reconnecting or not, so presses meet the rate limit and every pending wait),
/// <c>data-send</c> of 1 to 40 messages from one peer to another on <see cref="DataChannel"/> at any moment,
/// <c>media-verb-fails</c> of any media verb, 1 to 4 calls, toward one remote or any, with <c>peer-leave</c> and <c>peer-join</c> rare and never for the first peer, so someone is always in the call.
/// A <c>publish</c> carries a duration and no stream: <see cref="ExplorationCase.ToScenario"/> names the stream and
/// withdraws it when the duration ends; a <c>replace-track</c> swaps the track of the peer's own camera.
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
        (FaultKind.AddressSignal, 2),
        (FaultKind.ServerRestart, 3),
        (FaultKind.TokenFailures, 2),
        (FaultKind.TokenExpiry, 2),
        (FaultKind.Latency, 2),
        (FaultKind.Loss, 2),
        (FaultKind.ClockJump, 2),
        (FaultKind.Partition, 3),
        (FaultKind.PeerLeave, 1),
        (FaultKind.PeerJoin, 1),
        (FaultKind.Blackhole, 3),
        (FaultKind.OneWayPartition, 2),
        (FaultKind.OneWayLoss, 2),
        (FaultKind.ServerCrash, 2),
        (FaultKind.TokenHang, 2),
        (FaultKind.ExpiredToken, 2),
        (FaultKind.Publish, 1),
        (FaultKind.ReplaceTrack, 1),
        (FaultKind.WallClockJump, 2),
        (FaultKind.RetryNow, 2),
        (FaultKind.MediaFreeze, 2),
        (FaultKind.DataSend, 2),
        (FaultKind.MediaVerbFails, 2),
    ];

    /// <summary>The data channel a generated <c>data-send</c> sends on; every peer of a case with one declares it.</summary>
    public const string DataChannel = "chat";

    /// <summary>The camera every generated peer publishes from its join: <c>cam</c> and its name.</summary>
    public static string Camera(string peer) => "cam" + peer;

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
            FaultKind.IpChange or FaultKind.AddressSignal or FaultKind.TokenExpiry or FaultKind.RetryNow =>
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
                from plane in Maybe(Gen.Elements(FaultPlane.Signalling, FaultPlane.Media))
                from duration in Duration
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who, LatencyMs = latency, JitterMs = jitter, Plane = plane, DurationMs = duration },
            FaultKind.Loss =>
                from at in Gen.Choose(0, LatestNetworkChangeMs)
                from who in Gen.OneOf(Gen.Constant<string?>(null), peer.Select(p => (string?)p))
                from percent in Gen.Choose(5, 50)
                from plane in Maybe(Gen.Elements(FaultPlane.Signalling, FaultPlane.Media))
                from duration in Duration
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who, Loss = percent / 100.0, Plane = plane, DurationMs = duration },
            FaultKind.PeerLeave or FaultKind.PeerJoin =>
                from at in atMs
                from who in Gen.Elements(names[1..])
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who },
            FaultKind.Blackhole =>
                from at in atMs
                from who in peer
                from plane in Maybe(Gen.Elements(FaultPlane.Signalling, FaultPlane.Media))
                from duration in Duration
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who, Plane = plane, DurationMs = duration },
            FaultKind.OneWayPartition =>
                from at in atMs
                from pair in PeerAndOther(names)
                from direction in Maybe(Gen.Elements(FaultDirection.Outbound, FaultDirection.Inbound))
                from duration in Duration
                select new FaultSpec { AtMs = at, Kind = kind, Peer = pair.Peer, Other = pair.Other, Direction = direction, DurationMs = duration },
            FaultKind.OneWayLoss =>
                from at in atMs
                from pair in PeerAndOther(names)
                from toOne in Gen.Elements(false, true)
                from direction in Maybe(Gen.Elements(FaultDirection.Outbound, FaultDirection.Inbound))
                from plane in Maybe(Gen.Elements(FaultPlane.Signalling, FaultPlane.Media))
                from percent in Gen.Choose(5, 50)
                from duration in Duration
                select new FaultSpec
                {
                    AtMs = at, Kind = kind, Peer = pair.Peer, Other = toOne ? pair.Other : null, Direction = direction, Plane = plane,
                    Loss = percent / 100.0, DurationMs = duration,
                },
            FaultKind.ServerCrash =>
                from at in atMs
                from duration in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Duration.Select(ms => (int?)ms)))
                select new FaultSpec { AtMs = at, Kind = kind, DurationMs = duration },
            FaultKind.TokenHang =>
                from at in atMs
                from who in peer
                from byCount in Gen.Elements(false, true)
                from count in Gen.Choose(1, 3)
                from duration in Duration
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who, Count = byCount ? count : null, DurationMs = byCount ? null : duration },
            FaultKind.ExpiredToken =>
                from at in atMs
                from who in peer
                from count in Gen.Choose(1, 5)
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who, Count = count },
            FaultKind.Publish =>
                from at in Gen.Choose(0, LatestNetworkChangeMs)
                from who in peer
                from duration in Duration
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who, DurationMs = duration },
            FaultKind.ReplaceTrack =>
                from at in atMs
                from who in peer
                from track in Gen.Choose(1, 99)
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who, Stream = Camera(who), Track = string.Create(CultureInfo.InvariantCulture, $"track-{track}") },
            FaultKind.DataSend =>
                from at in atMs
                from pair in Pair(names)
                from count in Gen.Frequency((3, Gen.Choose(1, 5)), (1, Gen.Choose(6, 40)))
                select new FaultSpec { AtMs = at, Kind = kind, Peer = pair.Item1, Other = pair.Item2, Label = DataChannel, Count = count },
            FaultKind.WallClockJump =>
                from at in atMs
                from who in peer
                from magnitude in ClockStep
                from forwards in Gen.Elements(true, false)
                select new FaultSpec { AtMs = at, Kind = kind, Peer = who, OffsetMs = forwards ? magnitude : -magnitude },
            FaultKind.MediaVerbFails =>
                from at in atMs
                from pair in Pair(names)
                from toOne in Gen.Elements(false, true)
                from verb in Gen.Elements(Enum.GetValues<MediaOperation>())
                from count in Gen.Frequency((3, Gen.Constant(1)), (1, Gen.Choose(2, 4)))
                select new FaultSpec { AtMs = at, Kind = kind, Peer = pair.Item1, Other = toOne ? pair.Item2 : null, Verb = verb, Count = count },
            FaultKind.MediaFreeze =>
                from at in atMs
                from pair in Pair(names)
                from toOne in Gen.Elements(false, true)
                from duration in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Duration.Select(ms => (int?)ms)))
                select new FaultSpec { AtMs = at, Kind = kind, Peer = pair.Item1, Other = toOne ? pair.Item2 : null, DurationMs = duration },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a fault kind the explorer generates."),
        };
    }

    /// <summary>A duration from 0.5 to 70 s, most of them short.</summary>
    private static Gen<int> Duration => Gen.Frequency(
        (3, Gen.Choose(MinDurationMs, 5_000)),
        (2, Gen.Choose(5_000, 30_000)),
        (1, Gen.Choose(30_000, MaxDurationMs)));

    /// <summary>How far a wall clock steps: from an NTP nudge of 1 ms to a day, most of them seconds to an hour.</summary>
    private static Gen<int> ClockStep => Gen.Frequency(
        (1, Gen.Choose(1, 999)),
        (3, Gen.Choose(1_000, 3_600_000)),
        (1, Gen.Choose(3_600_000, 86_400_000)));

    private static Gen<(string, string)> Pair(string[] names) =>
        Gen.Elements(names).Two().Where(pair => pair.Item1 != pair.Item2);

    /// <summary>A peer and the other side of a one-way fault: another peer or the server.</summary>
    private static Gen<(string Peer, string Other)> PeerAndOther(string[] names) =>
        from who in Gen.Elements(names)
        from other in Gen.Elements([.. names.Where(n => n != who), World.SimWorld.ServerHost])
        select (who, other);

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct =>
        Gen.OneOf(Gen.Constant<T?>(null), gen.Select(value => (T?)value));
}

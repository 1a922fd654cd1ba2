using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Engine;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios;

/// <summary>Generators of valid scenarios, covering every field, every fault kind and awkward text.</summary>
internal static class ScenarioGenerators
{
    private static readonly Gen<string> TextPiece = Gen.Elements(
        "a", "Z", "7", "-", " ", "room", "\"", "\\", "\n", "\t", "<", "&", "'", "é", "中", "😀", "\u0001", "/");

    public static Gen<Scenario> Scenarios =>
        from name in Text
        from description in Gen.OneOf(Gen.Constant(string.Empty), Text)
        from seed in Gen.Choose(int.MinValue, int.MaxValue).Two()
        from durationMs in Gen.Choose(1, 200_000)
        from recoveryBoundMs in Gen.Choose(1, 400_000)
        from network in Network
        from silenceGraceMs in Gen.Choose(1, 120_000)
        from peerCount in Gen.Choose(1, 4)
        from peers in Gen.CollectToArray(Enumerable.Range(0, peerCount).Select(i => Peer(i, durationMs)))
        from faults in Fault([.. peers.Select(p => p.Name)], durationMs).ListOf()
        from changes in StreamChanges([.. peers.Select(p => p.Name)], durationMs).ListOf()
        from expect in Gen.OneOf(Gen.Constant<ScenarioExpectations?>(null), Expectations([.. peers.Select(p => p.Name)]).Select(e => (ScenarioExpectations?)e))
        select new Scenario
        {
            Name = name,
            Description = description,
            Seed = ((ulong)(uint)seed.Item1 << 32) | (uint)seed.Item2,
            DurationMs = durationMs,
            RecoveryBoundMs = recoveryBoundMs,
            Network = network,
            Server = new ServerSettings { SilenceGraceMs = silenceGraceMs },
            Peers = [.. peers],
            Timeline = [.. faults, .. Named(changes), .. JoinFaults(peers)],
            Expect = expect,
        };

    private static Gen<string> Text => TextPiece.NonEmptyListOf().Select(pieces => string.Concat(pieces)).Where(s => !string.IsNullOrWhiteSpace(s));

    private static Gen<NetworkSettings> Network =>
        from latency in Gen.Choose(0, 2_000)
        from jitter in Gen.Choose(0, 500)
        from loss in Loss
        select new NetworkSettings { LatencyMs = latency, JitterMs = jitter, Loss = loss };

    private static Gen<double> Loss => Gen.OneOf(Gen.Choose(0, 999).Select(n => n / 1000.0), Gen.Elements(0.0, 0.1 + 0.2, 1.0 / 3.0));

    private static Gen<IReadOnlyDictionary<string, string>> Metadata =>
        Gen.Zip(Text, Text).ListOf().Select(pairs =>
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in pairs)
            {
                map[key] = value;
            }

            return (IReadOnlyDictionary<string, string>)map;
        });

    private static Gen<PeerSpec> Peer(int index, int durationMs) =>
        from name in Text
        from channel in Text
        from joinAtMs in Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(0, durationMs - 1).Select(t => (int?)t)))
        from metadata in Metadata
        from streamCount in Gen.Choose(0, 3)
        from streamMetadata in Gen.CollectToArray(Enumerable.Range(0, streamCount).Select(_ => Metadata))
        from networkSignals in ArbMap.Default.GeneratorFor<bool>()
        from options in Options
        from ordered in ArbMap.Default.GeneratorFor<bool>()
        select new PeerSpec
        {
            Name = $"{name}#{index}",
            Channel = channel,
            JoinAtMs = joinAtMs,
            Metadata = metadata,
            Streams = [.. streamMetadata.Select((m, s) => new StreamSpec { Id = $"s{s}", Metadata = m })],
            NetworkSignals = networkSignals,
            Options = options,
            DataChannels = [new DataChannelSpec { Label = "chat", Ordered = ordered }],
        };

    private static Gen<PeerOptionsSpec> Options =>
        from flags in ArbMap.Default.GeneratorFor<bool>().ListOf(4)
        from onEvicted in Maybe(Gen.Elements(EvictionChoice.Rejoin, EvictionChoice.Stop))
        from durations in Gen.CollectToArray<int?>(
        [
            Maybe(Gen.Choose(1, 60_000)),
            Maybe(Gen.Choose(1, 500)),
            Maybe(Gen.Choose(500, 60_000)),
            Maybe(Gen.Choose(1, 60_000)),
            Maybe(Gen.Choose(0, 10_000)),
            Maybe(Gen.Choose(1, 30_000)),
            Maybe(Gen.Choose(1, 30_000)),
            Maybe(Gen.Choose(20_001, 120_000)),
            Maybe(Gen.Choose(1, 20_000)),
            Maybe(Gen.Choose(1, 10_000)),
            Maybe(Gen.Choose(1, 60_000)),
        ])
        from maxAttempts in Maybe(Gen.Choose(1, 10_000))
        from rosterRetries in Maybe(Gen.Choose(0, 100))
        from resumeWindowMax in Maybe(Gen.Choose(1, 30_000))
        select new PeerOptionsSpec
        {
            RetryFirstConnect = flags[0] ? flags[1] : null,
            ForceMediaRestartOnReconnect = flags[2] ? !flags[1] : null,
            MediaWatchdog = flags[3] ? flags[2] : null,
            OnEvicted = onEvicted,
            StillReconnectingAfterMs = durations[0],
            BackoffInitialMs = durations[1],
            BackoffMaxMs = durations[2],
            StableWindowMs = durations[3],
            IceGraceMs = durations[4],
            ReconcileDeadlineMs = durations[5],
            WelcomeTimeoutMs = durations[6],
            LivenessTimeoutMs = durations[7],
            PingIntervalMs = durations[8],
            ReconnectingVisibleAfterMs = durations[9],
            RetryNowMinIntervalMs = durations[10],
            BackoffMaxAttempts = maxAttempts,
            RosterRetries = rosterRetries,
            ResumeWindowMaxMs = resumeWindowMax,
        };

    private static readonly FaultKind[] StreamKinds = [FaultKind.Publish, FaultKind.Unpublish, FaultKind.ReplaceTrack];

    private static readonly FaultKind[] DurationKinds =
    [
        FaultKind.Offline, FaultKind.SignallingDrop, FaultKind.MediaDrop, FaultKind.ServerRestart, FaultKind.ClockJump, FaultKind.Partition,
        FaultKind.Blackhole, FaultKind.OneWayPartition, FaultKind.OneWayLoss,
    ];

    /// <summary>A publish of a stream, then maybe a track replacement and an unpublish of it, in that order (the stream id is set per group).</summary>
    private static Gen<FaultSpec[]> StreamChanges(IReadOnlyList<string> peers, int durationMs) =>
        from peer in Gen.Elements(peers.ToArray())
        from times in Gen.Choose(0, durationMs - 1).ListOf(3)
        from replace in ArbMap.Default.GeneratorFor<bool>()
        from unpublish in ArbMap.Default.GeneratorFor<bool>()
        from track in Text
        let at = times.Order().ToArray()
        select new[]
            {
                new FaultSpec { AtMs = at[0], Kind = FaultKind.Publish, Peer = peer },
                replace ? new FaultSpec { AtMs = at[1], Kind = FaultKind.ReplaceTrack, Peer = peer, Track = track } : null,
                unpublish ? new FaultSpec { AtMs = at[2], Kind = FaultKind.Unpublish, Peer = peer } : null,
            }.OfType<FaultSpec>().ToArray();

    /// <summary>The stream changes, each group on its own stream <c>pub0</c>, <c>pub1</c>, ...</summary>
    private static IEnumerable<FaultSpec> Named(IEnumerable<FaultSpec[]> groups) =>
        groups.SelectMany((group, g) => group.Select(fault => fault with { Stream = "pub" + g.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

    private static Gen<FaultSpec> Fault(IReadOnlyList<string> peers, int durationMs)
    {
        var kinds = Enum.GetValues<FaultKind>().Where(k => (peers.Count > 1 || k is not (FaultKind.Partition or FaultKind.DataSend)) && !StreamKinds.Contains(k)).ToArray();
        return from kind in Gen.Elements(kinds)
               from atMs in Gen.Choose(0, durationMs - 1)
               from pair in Gen.Elements(peers.ToArray()).Two().Where(p => p.Item1 != p.Item2 || peers.Count == 1)
               from withOptional in ArbMap.Default.GeneratorFor<bool>()
               from duration in Gen.Choose(1, 100_000)
               from code in Gen.Choose(3000, 4999)
               from count in Gen.Choose(1, 20)
               from retryAfter in Gen.Choose(0, 10_000)
               from latency in Gen.Choose(0, 3_000)
               from jitter in Gen.Choose(0, 1_000)
               from loss in Loss
               from offset in Gen.Choose(1, 3_600_000).SelectMany(o => Gen.Elements(o, -o))
               from plane in Gen.Elements<FaultPlane?>(null, FaultPlane.Signalling, FaultPlane.Media)
               from direction in Gen.Elements<FaultDirection?>(null, FaultDirection.Outbound, FaultDirection.Inbound)
               from toServer in ArbMap.Default.GeneratorFor<bool>()
               from verb in Gen.Elements(Enum.GetValues<MediaOperation>())
               select new FaultSpec
               {
                   AtMs = atMs,
                   Kind = kind,
                   Peer = kind switch
                   {
                       FaultKind.ServerRestart or FaultKind.ServerCrash => null,
                       FaultKind.Latency or FaultKind.Loss => withOptional ? pair.Item1 : null,
                       _ => pair.Item1,
                   },
                   Other = kind switch
                   {
                       FaultKind.Partition or FaultKind.DataSend => pair.Item2,
                       FaultKind.MediaDrop or FaultKind.MediaVerbFails when withOptional && peers.Count > 1 => pair.Item2,
                       FaultKind.OneWayPartition => toServer || peers.Count == 1 ? "server" : pair.Item2,
                       FaultKind.OneWayLoss when withOptional => toServer || peers.Count == 1 ? "server" : pair.Item2,
                       _ => null,
                   },
                   DurationMs = DurationKinds.Contains(kind)
                       || (kind == FaultKind.ServerCrash && withOptional)
                       || (kind == FaultKind.TokenHang && !withOptional) ? duration : null,
                   Code = kind == FaultKind.ServerKick ? code : null,
                   Label = kind == FaultKind.DataSend ? "chat" : null,
                   Count = kind is FaultKind.TokenFailures or FaultKind.ExpiredToken or FaultKind.DataSend || (kind is FaultKind.TokenHang or FaultKind.MediaVerbFails && withOptional) ? count : null,
                   RetryAfterMs = kind == FaultKind.ServerRestart && withOptional ? retryAfter : null,
                   LatencyMs = kind == FaultKind.Latency ? latency : null,
                   JitterMs = kind == FaultKind.Latency && withOptional ? jitter : null,
                   OffsetMs = kind == FaultKind.WallClockJump ? offset : null,
                   Loss = kind is FaultKind.Loss or FaultKind.OneWayLoss ? loss : null,
                   Plane = kind is FaultKind.Blackhole or FaultKind.Latency or FaultKind.Loss or FaultKind.OneWayLoss ? plane : null,
                   Verb = kind == FaultKind.MediaVerbFails ? verb : null,
                   Direction = kind is FaultKind.OneWayPartition or FaultKind.OneWayLoss ? direction : null,
               };
    }

    private static IEnumerable<FaultSpec> JoinFaults(IEnumerable<PeerSpec> peers) =>
        peers.Where(p => p.JoinAtMs is null).Select(p => new FaultSpec { AtMs = 0, Kind = FaultKind.PeerJoin, Peer = p.Name });

    private static Gen<ScenarioExpectations> Expectations(IReadOnlyList<string> peers) =>
        from healed in ArbMap.Default.GeneratorFor<bool>()
        from min in Maybe(Gen.Choose(0, 5))
        from extra in Maybe(Gen.Choose(0, 5))
        from errors in Gen.SubListOf(ErrorKinds.All.ToArray())
        from closed in Gen.SubListOf(peers.ToArray())
        from evicted in Gen.SubListOf(peers.ToArray())
        from joined in PeerCounts(peers, reasons: false)
        from left in PeerCounts(peers, reasons: true)
        from terminal in Maybe(Gen.Elements(4001, 4003, 4004, 4005))
        select new ScenarioExpectations
        {
            Healed = healed,
            MinPeerLeft = min,
            MaxPeerLeft = extra is { } e ? (min ?? 0) + e : null,
            PeerJoined = joined,
            PeerLeft = left,
            Errors = [.. errors.Concat(evicted.Count > 0 ? ["EvictedError"] : []).Concat(terminal is null ? [] : ["TerminalCloseError"]).Distinct()],
            ClosedPeers = [.. closed],
            EvictedPeers = [.. evicted],
            TerminalErrorCode = terminal,
        };

    private static Gen<IReadOnlyDictionary<string, PeerCount>> PeerCounts(IReadOnlyList<string> peers, bool reasons) =>
        from observers in Gen.SubListOf(peers.ToArray())
        from counts in Gen.CollectToArray(observers.Select(observer => PeerCount(observer, peers, reasons)))
        select (IReadOnlyDictionary<string, PeerCount>)observers.Zip(counts).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);

    private static Gen<PeerCount> PeerCount(string observer, IReadOnlyList<string> peers, bool reasons) =>
        from exact in ArbMap.Default.GeneratorFor<bool>()
        from n in Gen.Choose(0, 4)
        from min in Maybe(Gen.Choose(0, 3))
        from extra in Gen.Choose(0, 3)
        from remote in Gen.Elements([null, .. peers.Where(p => p != observer)])
        from reason in Gen.Elements<string?>(null, "left", "kicked")
        select exact
            ? new PeerCount { Exactly = n, Remote = remote, Reason = reasons ? reason : null }
            : new PeerCount { Min = min, Max = (min ?? 0) + extra, Remote = remote, Reason = reasons ? reason : null };

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct =>
        Gen.OneOf(Gen.Constant<T?>(null), gen.Select(value => (T?)value));
}

using Reconnect.Sim.Scenarios;

namespace Reconnect.Sim.Bench;

/// <summary>
/// The scenario of one heal bench run: A and B share a room, each publishing a camera; at <see cref="OutageStartMs"/>
/// a fault (by default A going offline) lasts the cell's outage; the run stops once the call has healed after it.
/// </summary>
public static class HealScenario
{
    /// <summary>When A goes offline, in virtual milliseconds: well after the call first heals (under 1 s).</summary>
    public const int OutageStartMs = 5_000;

    /// <summary>The peer that goes offline.</summary>
    public const string OfflinePeer = "A";

    /// <summary>How long after the outage ends the call may take to heal before the run counts as never healed.</summary>
    public const int RecoveryBoundMs = 300_000;

    private const string Room = "bench-room";
    private const string SimWorldHost = World.SimWorld.ServerHost;

    /// <summary>The fault kinds the bench can time: each lasts the outage, on A (with B, or the server, where it takes another side) or on the server.</summary>
    public static IReadOnlyList<FaultKind> Faults { get; } =
    [
        FaultKind.Offline, FaultKind.SignallingDrop, FaultKind.MediaDrop, FaultKind.Blackhole, FaultKind.Partition,
        FaultKind.OneWayPartition, FaultKind.ServerRestart, FaultKind.ServerCrash,
    ];

    /// <summary>
    /// The baseline's engine options: socket backoff as the defaults (500 ms doubling to 30 s, +/-20 % jitter,
    /// 100 attempts) and never tighter while the session may be resumed, the ICE ladder (0, 1, 2, 4, 8, 16, 30, 30,
    /// 30 s) started only on <c>failed</c>, and every media connection rebuilt after a socket reconnect.
    /// </summary>
    public static PeerOptionsSpec BaselineOptions { get; } = new()
    {
        RestartOnDisconnected = false,
        ForceMediaRestartOnReconnect = true,
        OfflineProbe = false,
        ResumeWindowMaxMs = 30_000,
    };

    /// <summary>The scenario for a policy and a cell, timing one of <see cref="Faults"/> (A offline by default).</summary>
    public static Scenario For(HealPolicy policy, HealCell cell, FaultKind fault = FaultKind.Offline)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentOutOfRangeException.ThrowIfLessThan(cell.OutageSeconds, 1);
        var options = policy == HealPolicy.Baseline ? BaselineOptions : new PeerOptionsSpec();
        var signal = policy == HealPolicy.Reconnect && cell.NetworkSignal;
        var outageMs = cell.OutageSeconds * 1_000;
        return new Scenario
        {
            Name = $"bench-heal-{fault.ToJsonName()}-{policy.ToString().ToLowerInvariant()}-{cell.OutageSeconds}s-{cell.SignalLabel}",
            Description = $"{Story(fault)} lasts {cell.OutageSeconds} s; the bench measures how long the call takes to heal after.",
            DurationMs = OutageEndMs(cell) + 1,
            RecoveryBoundMs = RecoveryBoundMs,
            Peers =
            [
                Peer(OfflinePeer, "camA", options, signal),
                Peer("B", "camB", options, policy == HealPolicy.Reconnect),
            ],
            Timeline = [Fault(fault, outageMs)],
        };
    }

    /// <summary>What the timed fault is, in words: <c>peer A's offline outage</c>, <c>the server crash</c>.</summary>
    public static string Story(FaultKind fault) => fault switch
    {
        FaultKind.Partition => $"the partition between peer {OfflinePeer} and B",
        FaultKind.OneWayPartition => $"the one-way partition from peer {OfflinePeer} to the server",
        FaultKind.ServerRestart or FaultKind.ServerCrash => $"the {fault.ToJsonName()}",
        FaultKind.Offline => $"peer {OfflinePeer}'s offline outage",
        _ => $"peer {OfflinePeer}'s {fault.ToJsonName()}",
    };

    private static FaultSpec Fault(FaultKind kind, int outageMs)
    {
        var fault = new FaultSpec { AtMs = OutageStartMs, Kind = kind, Peer = OfflinePeer, DurationMs = outageMs };
        return kind switch
        {
            FaultKind.Offline or FaultKind.SignallingDrop or FaultKind.MediaDrop or FaultKind.Blackhole => fault,
            FaultKind.Partition => fault with { Other = "B" },
            FaultKind.OneWayPartition => fault with { Other = SimWorldHost },
            FaultKind.ServerRestart or FaultKind.ServerCrash => fault with { Peer = null },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"The bench times {string.Join(", ", Faults.Select(f => f.ToJsonName()))}."),
        };
    }

    /// <summary>When the network is whole again, in virtual milliseconds.</summary>
    public static int OutageEndMs(HealCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return OutageStartMs + (cell.OutageSeconds * 1_000);
    }

    private static PeerSpec Peer(string name, string camera, PeerOptionsSpec options, bool signal) => new()
    {
        Name = name,
        Channel = Room,
        Streams = [new StreamSpec { Id = camera }],
        NetworkSignals = signal,
        Options = options,
    };
}

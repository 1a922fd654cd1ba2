using Reconnect.Testing.Bench;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Bench;

/// <summary>
/// The scenario of one heal bench run: A and B share a room, each publishing a camera; at
/// <see cref="OutageStartMs"/> the cell's outage starts (see <see cref="OutageKind"/>); the run stops once the
/// call has healed after it.
/// </summary>
internal static class HealScenario
{
    /// <summary>When the outage starts, in virtual milliseconds: well after the call first heals (under 1 s).</summary>
    public const int OutageStartMs = 5_000;

    /// <summary>The peer the outage happens to (every peer loses the server in a <c>server-crash</c>).</summary>
    public const string OfflinePeer = "A";

    /// <summary>The other peer.</summary>
    public const string OtherPeer = "B";

    /// <summary>How long after the outage ends the call may take to heal before the run counts as never healed.</summary>
    public const int RecoveryBoundMs = 300_000;

    private const string Room = "bench-room";

    /// <summary>The scenario for a policy and a cell.</summary>
    public static Scenario For(HealPolicy policy, HealCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentOutOfRangeException.ThrowIfLessThan(cell.OutageSeconds, 1);
        var baseline = policy == HealPolicy.Baseline;
        var options = baseline ? BaselinePolicy.Options : new PeerOptionsSpec();
        var signal = baseline ? BaselinePolicy.HearsNetworkSignal : cell.NetworkSignal && cell.Kind.HasNetworkSignal();
        return new Scenario
        {
            Name = $"bench-heal-{policy.ToString().ToLowerInvariant()}-{cell.Kind.Label()}-{cell.OutageSeconds}s-{(signal ? "with" : "without")}",
            Description = $"{cell.Kind.Label()} for {cell.OutageSeconds} s; the bench measures how long the call takes to heal after.",
            DurationMs = OutageEndMs(cell) + 1,
            RecoveryBoundMs = RecoveryBoundMs,
            Peers =
            [
                Peer(OfflinePeer, "camA", options, signal),
                Peer(OtherPeer, "camB", options, !baseline || BaselinePolicy.HearsNetworkSignal),
            ],
            Timeline = Timeline(cell),
        };
    }

    /// <summary>When the outage is over, in virtual milliseconds.</summary>
    public static int OutageEndMs(HealCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return OutageStartMs + (cell.OutageSeconds * 1_000);
    }

    /// <summary>
    /// When the time to heal starts counting, in virtual milliseconds: the outage's end, or its onset for a kind
    /// without a length (<see cref="OutageKinds.HasLength"/>).
    /// </summary>
    public static int MeasuredFromMs(HealCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Kind.HasLength() ? OutageEndMs(cell) : OutageStartMs;
    }

    /// <summary>The peers whose signalling the outage breaks: both in a <c>server-crash</c>, else A.</summary>
    public static IReadOnlyList<string> AffectedPeers(OutageKind kind) =>
        kind == OutageKind.ServerCrash ? [OfflinePeer, OtherPeer] : [OfflinePeer];

    private static List<FaultSpec> Timeline(HealCell cell)
    {
        var outageMs = cell.OutageSeconds * 1_000;
        FaultSpec OnA(FaultKind kind) => new() { AtMs = OutageStartMs, Kind = kind, Peer = OfflinePeer, DurationMs = outageMs };
        return cell.Kind switch
        {
            OutageKind.Offline => [OnA(FaultKind.Offline)],
            OutageKind.Blackhole => [OnA(FaultKind.Blackhole)],
            OutageKind.ServerCrash => [new FaultSpec { AtMs = OutageStartMs, Kind = FaultKind.ServerCrash, DurationMs = outageMs }],
            OutageKind.MediaOnly => [OnA(FaultKind.MediaDrop)],
            OutageKind.FrozenMedia => [new FaultSpec { AtMs = OutageStartMs, Kind = FaultKind.MediaFreeze, Peer = OfflinePeer, Other = OtherPeer }],
            OutageKind.Handoff =>
            [
                OnA(FaultKind.Blackhole),
                new FaultSpec { AtMs = OutageEndMs(cell), Kind = FaultKind.IpChange, Peer = OfflinePeer },
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(cell), cell.Kind, "Not an outage kind."),
        };
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

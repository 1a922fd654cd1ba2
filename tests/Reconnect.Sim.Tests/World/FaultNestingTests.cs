using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

/// <summary>Faults of one kind on one target nest: the inner one ending leaves the outer one in force; the outer one ending restores.</summary>
public sealed class FaultNestingTests
{
    private const int OuterAt = 10_000;
    private const int OuterEnd = 30_000;
    private const int InnerAt = 15_000;
    private const int InnerEnd = 20_000;

    public static TheoryData<string> Kinds => new(Faults.Keys.Order(StringComparer.Ordinal));

    private static Dictionary<string, (Func<int, int, FaultSpec> Fault, Func<SimWorld, bool> InForce)> Faults { get; } = new(StringComparer.Ordinal)
    {
        ["offline"] = (Peer(FaultKind.Offline), w => !w.Network.Host("A").Online),
        ["signalling-drop"] = (Peer(FaultKind.SignallingDrop), w => w.Network.Host("A").Signalling.Blocked),
        ["media-drop"] = (Peer(FaultKind.MediaDrop), w => w.Network.Host("A").Media.Blocked),
        ["media-drop with other"] = ((at, d) => Peer(FaultKind.MediaDrop)(at, d) with { Other = "B" }, w => w.Network.IsCut("A", "B") && w.Network.IsCut("B", "A")),
        ["partition"] = ((at, d) => Peer(FaultKind.Partition)(at, d) with { Other = "B" }, w => w.Network.IsCut("A", "B") && w.Network.IsCut("B", "A")),
        ["blackhole"] = (Peer(FaultKind.Blackhole), w => w.Network.Host("A").Signalling.Blackholed && w.Network.Host("A").Media.Blackholed),
        ["blackhole of media"] = ((at, d) => Peer(FaultKind.Blackhole)(at, d) with { Plane = FaultPlane.Media }, w => w.Network.Host("A").Media.Blackholed),
        ["one-way-partition"] = ((at, d) => Peer(FaultKind.OneWayPartition)(at, d) with { Other = "server" }, w => w.Network.IsCut("A", "server")),
        ["one-way-loss"] = ((at, d) => Peer(FaultKind.OneWayLoss)(at, d) with { Loss = 0.5 }, w => w.Network.Losses.Count > 0),
        ["server-restart"] = ((at, d) => new FaultSpec { AtMs = at, Kind = FaultKind.ServerRestart, DurationMs = d }, w => !w.Server.Accepting),
        ["server-crash"] = ((at, d) => new FaultSpec { AtMs = at, Kind = FaultKind.ServerCrash, DurationMs = d }, w => !w.Server.Accepting),
        ["token-hang"] = (Peer(FaultKind.TokenHang), w => w.Peers[0].Token.HangWindows > 0),
        ["clock-jump"] = (Peer(FaultKind.ClockJump), w => w.Peers[0].Pump.IsPaused && w.Network.Host("A").Signalling.Blackholed && w.Network.Host("A").Media.Blackholed),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_inner_fault_ending_leaves_the_outer_one_in_force_and_the_outer_one_ending_restores(string kind)
    {
        var (fault, inForce) = Faults[kind];
        var scenario = Scenario(fault(OuterAt, OuterEnd - OuterAt), fault(InnerAt, InnerEnd - InnerAt));

        var seen = InForceAt(scenario, inForce, 12_000, 17_000, 25_000, 35_000);

        Assert.Equal([true, true, true, false], seen);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Two_overlapping_faults_keep_the_target_down_until_the_later_one_ends(string kind)
    {
        var (fault, inForce) = Faults[kind];
        var scenario = Scenario(fault(10_000, 10_000), fault(15_000, 10_000));

        var seen = InForceAt(scenario, inForce, 22_000, 27_000);

        Assert.Equal([true, false], seen);
    }

    private static Func<int, int, FaultSpec> Peer(FaultKind kind) =>
        (at, duration) => new FaultSpec { AtMs = at, Kind = kind, Peer = "A", DurationMs = duration };

    private static Scenario Scenario(params FaultSpec[] faults) => TwoPeerScenario.With(40_000, faults);

    private static List<bool> InForceAt(Scenario scenario, Func<SimWorld, bool> inForce, params int[] times)
    {
        var world = new SimWorld(scenario);
        var seen = new List<bool>();
        foreach (var t in times)
        {
            world.Time.Schedule(TimeSpan.FromMilliseconds(t), () => seen.Add(inForce(world)), $"probe {t}");
        }

        var result = world.Run();
        Assert.True(result.Violations.Count == 0, string.Join("\n", result.Violations));
        return seen;
    }
}

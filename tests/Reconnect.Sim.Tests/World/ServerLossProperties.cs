using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

/// <summary>
/// Identity outlives the server: a crash that loses every session (any time, any refusal length, two or three
/// peers) ends with every RemotePeer kept (one peer-joined per remote, no peer-left); and a stream published just
/// before a graceful restart swallows its announcement is never removed, yet bound once announced. A failure prints
/// the seed (SEED=0x...) and the scenario, which replays with <c>run</c>.
/// </summary>
public sealed class ServerLossProperties
{
    [Fact]
    public void A_server_crash_keeps_every_RemotePeer()
    {
        var cases =
            from seed in Seeds
            from peers in Gen.Choose(2, 3)
            from at in Gen.Choose(2_000, 12_000)
            from refusal in Gen.Choose(0, 8_000)
            select (seed, Scenario: Call(seed, peers, new FaultSpec { AtMs = at, Kind = FaultKind.ServerCrash, DurationMs = refusal == 0 ? null : refusal }));
        Prop.ForAll(cases.ToArbitrary(), c => KeepsIdentity(c.Scenario, c.Scenario.Peers.Count)).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void A_stream_published_just_before_a_graceful_restart_is_never_removed_and_heals()
    {
        var cases =
            from seed in Seeds
            from gap in Gen.Choose(0, 60)
            from refusal in Gen.Choose(1_000, 8_000)
            select Call(
                seed,
                2,
                new FaultSpec { AtMs = 10_000, Kind = FaultKind.Publish, Peer = "A", Stream = "screenA" },
                new FaultSpec { AtMs = 10_000 + gap, Kind = FaultKind.ServerRestart, DurationMs = refusal });
        Prop.ForAll(cases.ToArbitrary(), scenario => Heals(scenario)).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    private static Gen<ulong> Seeds =>
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select ((ulong)(uint)high << 32) | (uint)low;

    private static Scenario Call(ulong seed, int peers, params FaultSpec[] faults)
    {
        var scenario = new ExplorationCase(seed, [.. Enumerable.Repeat(PeerSetup.Baseline, peers)], []).ToScenario();
        return scenario with { Name = "server-loss", DurationMs = 30_000, Timeline = faults };
    }

    private static Property KeepsIdentity(Scenario scenario, int peers) => Heals(scenario, result =>
    {
        var seed = string.Create(CultureInfo.InvariantCulture, $"SEED=0x{result.Seed:x}");
        var events = result.Trace.Events;
        return events.Where(e => e.Event == TraceEventKind.PeerLeft).Select(e => $"{seed}: {e.Peer} saw {e.Remote} leave ({e.Reason})")
            .Concat(events.Where(e => e.Event == TraceEventKind.PeerJoined).GroupBy(e => e.Peer)
                .Where(g => g.Count() != peers - 1)
                .Select(g => $"{seed}: {g.Key} saw {g.Count()} peer-joined, not {peers - 1}"));
    });

    private static Property Heals(Scenario scenario, Func<SimRunResult, IEnumerable<string>>? more = null)
    {
        var world = new SimWorld(scenario);
        var result = world.Run();
        var problems = HealingProperty.Check(new RunOutcome(scenario, world, result)).Concat(more?.Invoke(result) ?? []).ToList();
        return (problems.Count == 0).Label($"{string.Join("\n", problems)}\n{ScenarioLoader.ToJson(scenario)}");
    }
}

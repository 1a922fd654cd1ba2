using FsCheck;
using FsCheck.Fluent;

namespace Reconnect.Testing.Exploration;

/// <summary>
/// The FsCheck arbitrary of exploration cases: a seed, generated peer setups (<see cref="OptionsGen"/>), a fault
/// schedule (<see cref="FaultScheduleGen"/>) and, in one case in four, tokens with a lifetime, so refreshes over the
/// open socket meet the faults; with a shrinker that keeps the seed and simplifies the schedule, setups and tokens.
/// </summary>
public static class ExplorationArb
{
    /// <summary>Cases with <paramref name="peers"/> peers and exactly <paramref name="faults"/> faults.</summary>
    public static Gen<ExplorationCase> Cases(int peers, int faults) =>
        from seed in Seeds
        from setups in OptionsGen.Setup.ListOf(peers)
        from schedule in FaultScheduleGen.Schedule(peers, faults)
        from tokenLifetime in TokenLifetimes
        select new ExplorationCase(seed, [.. setups], schedule) { TokenLifetimeMs = tokenLifetime };

    /// <summary>The tokens' lifetime: none three times in four, else 10 s to 10 min, so a run refreshes from never to many times.</summary>
    public static Gen<int?> TokenLifetimes =>
        Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(10_000, 600_000).Select(ms => (int?)ms)));

    /// <summary>Run seeds, drawn from every 64-bit value.</summary>
    public static Gen<ulong> Seeds =>
        Gen.Choose(int.MinValue, int.MaxValue).Two().Select(halves => ((ulong)(uint)halves.Item1 << 32) | (uint)halves.Item2);

    /// <summary>The arbitrary: <see cref="Cases"/> with <see cref="Shrink"/>.</summary>
    public static Arbitrary<ExplorationCase> Arbitrary(int peers, int faults) => Arb.From(Cases(peers, faults), Shrink);

    /// <summary>An arbitrary that always yields <paramref name="failing"/> and shrinks it: the start of a shrink.</summary>
    public static Arbitrary<ExplorationCase> From(ExplorationCase failing) => Arb.From(Gen.Constant(failing), Shrink);

    /// <summary>
    /// Every simpler case one step away, most promising first: fewer faults, tokens that never expire, every setup at
    /// the baseline, one setup at the baseline, each fault earlier, shorter and milder, then one option back to its
    /// default. The seed never changes.
    /// </summary>
    public static IEnumerable<ExplorationCase> Shrink(ExplorationCase value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var schedules = ScheduleShrinker.Shrink(value.Faults).ToList();
        var fewer = schedules.Where(s => s.Count < value.Faults.Count);
        foreach (var schedule in fewer)
        {
            yield return value with { Faults = schedule };
        }

        if (value.TokenLifetimeMs is not null)
        {
            yield return value with { TokenLifetimeMs = null };
        }

        if (value.Peers.Any(p => p != PeerSetup.Baseline))
        {
            yield return value with { Peers = [.. value.Peers.Select(_ => PeerSetup.Baseline)] };
            for (var i = 0; i < value.Peers.Count; i++)
            {
                if (value.Peers[i] != PeerSetup.Baseline && value.Peers.Count(p => p != PeerSetup.Baseline) > 1)
                {
                    yield return value with { Peers = [.. value.Peers.Select((p, j) => j == i ? PeerSetup.Baseline : p)] };
                }
            }
        }

        foreach (var schedule in schedules.Where(s => s.Count == value.Faults.Count))
        {
            yield return value with { Faults = schedule };
        }

        for (var i = 0; i < value.Peers.Count; i++)
        {
            foreach (var simpler in OptionsGen.Shrink(value.Peers[i]))
            {
                yield return value with { Peers = [.. value.Peers.Select((p, j) => j == i ? simpler : p)] };
            }
        }
    }
}

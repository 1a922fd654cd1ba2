using FsCheck;
using FsCheck.Fluent;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Testing.Exploration;

/// <summary>
/// FsCheck arbitraries of <see cref="FaultSchedule"/>s for your own property suites, drawn by
/// <see cref="FaultScheduleGen"/> from the fault kinds that end on their own (<see cref="Kinds"/>) and shrunk by
/// <see cref="ScheduleShrinker"/> toward fewer, earlier and shorter faults. Register the class for
/// <c>"alice"</c> and <c>"bob"</c>: <c>[Property(Arbitrary = [typeof(FaultSchedules)])]</c>; for other peers write a
/// class of your own whose static method returns <see cref="For"/>.
/// </summary>
public static class FaultSchedules
{
    /// <summary>The most faults a schedule of <see cref="Schedules"/> has.</summary>
    public const int DefaultMaxFaults = 4;

    private const int GenerationSize = 50;

    /// <summary>The peers of <see cref="Schedules"/>.</summary>
    public static IReadOnlyList<string> DefaultPeers { get; } = ["alice", "bob"];

    /// <summary>
    /// The kinds a schedule draws from: the network, server, token and clock faults the explorer draws (every one
    /// ends on its own), without the app's own actions (leave, join, publish, replace-track, data-send: your clients may declare no data channel) and without
    /// <c>latency</c> and <c>loss</c>, which last until changed (<c>one-way-loss</c> has a duration).
    /// An <c>expired-token</c> fault hands out fewer expired tokens than end a call.
    /// </summary>
    public static IReadOnlyList<FaultKind> Kinds { get; } =
        [.. FaultScheduleGen.Kinds.Select(k => k.Kind).Except([FaultKind.PeerLeave, FaultKind.PeerJoin, FaultKind.Publish, FaultKind.ReplaceTrack, FaultKind.Latency, FaultKind.Loss, FaultKind.DataSend])];

    /// <summary>Schedules of 1 to <see cref="DefaultMaxFaults"/> faults aimed at <see cref="DefaultPeers"/>; what the attribute form registers.</summary>
    public static Arbitrary<FaultSchedule> Schedules() => For(DefaultPeers);

    /// <summary>
    /// Schedules of 1 to <paramref name="maxFaults"/> faults aimed at <paramref name="peers"/> (at least two names), with
    /// shrinking. Faults last up to 70 s, past the server's grace (45 s by default), so a peer may be evicted and seen
    /// leaving and rejoining; <paramref name="maxOutage"/> (at least 0.5 s) cuts every fault's duration to it, for
    /// properties that hold only for outages the call rides out (docs/guarantees.md).
    /// </summary>
    public static Arbitrary<FaultSchedule> For(IReadOnlyList<string> peers, int maxFaults = DefaultMaxFaults, TimeSpan? maxOutage = null)
    {
        CheckPeers(peers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFaults);
        CheckOutage(maxOutage);
        return Arb.From(ExplorationArb.Seeds.Select(seed => FromSeed(seed, peers, maxFaults, maxOutage)), Shrink);
    }

    /// <summary>The schedule drawn from <paramref name="seed"/>: the same one every time; see <see cref="For"/>.</summary>
    public static FaultSchedule FromSeed(ulong seed, IReadOnlyList<string>? peers = null, int maxFaults = DefaultMaxFaults, TimeSpan? maxOutage = null)
    {
        var names = peers ?? DefaultPeers;
        CheckPeers(names);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFaults);
        CheckOutage(maxOutage);
        var cap = maxOutage is { } outage ? (int)outage.TotalMilliseconds : int.MaxValue;
        var faults = Gen.Choose(1, maxFaults).SelectMany(count => Fault(names).ListOf(count)).Sample(GenerationSize, new Rnd(seed), 1)[0];
        return new FaultSchedule(seed, names, [.. faults.Select(f => f.DurationMs > cap ? f with { DurationMs = cap } : f).OrderBy(f => f.AtMs)]);
    }

    /// <summary>Every simpler schedule one step away, most promising first: fewer faults, then each earlier, shorter and milder; same seed and peers.</summary>
    public static IEnumerable<FaultSchedule> Shrink(FaultSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return ScheduleShrinker.Shrink(schedule.Faults).Select(faults => schedule with { Faults = [.. faults.OrderBy(f => f.AtMs)] });
    }

    private static Gen<FaultSpec> Fault(IReadOnlyList<string> peers)
    {
        var tokenLimit = new ReconnectOptions().Token.ExpiredTokenCloseLimit;
        return Gen.Frequency(FaultScheduleGen.Kinds.Where(k => Kinds.Contains(k.Kind)).Select(k => (k.Weight, FaultScheduleGen.Of(k.Kind, peers))))
            .Where(f => f.Kind != FaultKind.ExpiredToken || f.Count < tokenLimit);
    }

    private static void CheckOutage(TimeSpan? maxOutage)
    {
        if (maxOutage is { } outage && (outage.TotalMilliseconds < FaultScheduleGen.MinDurationMs || outage.TotalMilliseconds > FaultScheduleGen.MaxDurationMs))
        {
            throw new ArgumentOutOfRangeException(nameof(maxOutage), outage, $"The longest outage must be from {FaultScheduleGen.MinDurationMs} ms to {FaultScheduleGen.MaxDurationMs} ms.");
        }
    }

    private static void CheckPeers(IReadOnlyList<string> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        if (peers.Count < 2
            || peers.Distinct(StringComparer.Ordinal).Count() != peers.Count
            || peers.Any(p => string.IsNullOrWhiteSpace(p) || p == World.SimWorld.ServerHost))
        {
            throw new ArgumentException($"A fault schedule needs at least two distinct peer names, none blank or \"{World.SimWorld.ServerHost}\"; got [{string.Join(", ", peers)}].", nameof(peers));
        }
    }
}

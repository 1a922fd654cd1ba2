using Reconnect.Testing.Scenarios;

namespace Reconnect.Testing.Exploration;

/// <summary>
/// The fixed fault set of exhaustive mode and every order of it: each fault is placed on one of a few start-time
/// slots, two of which coincide, so faults start at the same instant and the clock has orderings to choose from.
/// </summary>
public static class FaultOrders
{
    /// <summary>The most faults exhaustive mode places.</summary>
    public const int MaxFaults = 3;

    /// <summary>The start-time slots, in milliseconds: the first two coincide.</summary>
    public static IReadOnlyList<int> Slots { get; } = [10_000, 10_000, 11_000, 12_000];

    /// <summary>
    /// The fixed faults for <paramref name="peers"/> peers, the first <paramref name="faults"/> of: the first peer
    /// offline for 3 s, the last peer's media dropped for 3 s, and a 1.5 s server restart hinting a 300 ms retry.
    /// </summary>
    public static IReadOnlyList<FaultSpec> Catalog(int peers, int faults)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(peers, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(peers, ExplorationCase.MaxPeers);
        ArgumentOutOfRangeException.ThrowIfLessThan(faults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(faults, MaxFaults);
        var first = ExplorationCase.PeerName(0);
        var last = ExplorationCase.PeerName(peers - 1);
        FaultSpec[] all =
        [
            new() { AtMs = 0, Kind = FaultKind.Offline, Peer = first, DurationMs = 3_000 },
            new() { AtMs = 0, Kind = FaultKind.MediaDrop, Peer = last, DurationMs = 3_000 },
            new() { AtMs = 0, Kind = FaultKind.ServerRestart, DurationMs = 1_500, RetryAfterMs = 300 },
        ];
        return all[..faults];
    }

    /// <summary>
    /// Every distinct placement of the catalog's faults on distinct slots (of the first <c>faults + 1</c>), in
    /// lexicographic order of slot choice; placements giving the same start times are listed once.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<FaultSpec>> Schedules(int peers, int faults)
    {
        var catalog = Catalog(peers, faults);
        var slots = Slots.Take(faults + 1).ToArray();
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var schedules = new List<IReadOnlyList<FaultSpec>>();
        foreach (var placement in Placements(slots.Length, faults))
        {
            var times = placement.Select(slot => slots[slot]).ToArray();
            if (seen.Add(string.Join(",", times)))
            {
                schedules.Add([.. catalog.Select((fault, i) => fault with { AtMs = times[i] })]);
            }
        }

        return schedules;
    }

    private static IEnumerable<int[]> Placements(int slots, int faults)
    {
        if (faults == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var rest in Placements(slots, faults - 1))
        {
            for (var slot = 0; slot < slots; slot++)
            {
                if (!rest.Contains(slot))
                {
                    yield return [.. rest, slot];
                }
            }
        }
    }
}

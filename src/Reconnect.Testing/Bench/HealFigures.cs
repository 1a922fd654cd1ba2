namespace Reconnect.Testing.Bench;

/// <summary>
/// The figures of one fault and policy over its runs: how many ran and healed, and the time to heal at the median and
/// at worst. A run that never healed (within its cap) counts as infinitely slow, so a figure it decides is never.
/// </summary>
/// <param name="Runs">How many runs were measured.</param>
/// <param name="Healed">How many of them healed.</param>
/// <param name="P50">The nearest-rank median; null (never) when at least half the runs never healed.</param>
/// <param name="Max">The slowest run; null (never) when any run never healed.</param>
internal sealed record HealFigures(int Runs, int Healed, TimeSpan? P50, TimeSpan? Max)
{
    /// <summary>The figures of <paramref name="runs"/>: each run's time to heal, null for a run that never healed.</summary>
    public static HealFigures Of(IReadOnlyCollection<TimeSpan?> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("Figures need at least one run.", nameof(runs));
        }

        var seconds = runs.Select(r => r?.TotalSeconds ?? double.PositiveInfinity).ToList();
        return new HealFigures(runs.Count, runs.Count(r => r is not null), Finite(Percentile.NearestRank(seconds, 50)), Finite(seconds.Max()));
    }

    private static TimeSpan? Finite(double seconds) => double.IsPositiveInfinity(seconds) ? null : TimeSpan.FromSeconds(seconds);
}

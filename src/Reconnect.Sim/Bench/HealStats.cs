using Reconnect.Testing.Bench;

namespace Reconnect.Sim.Bench;

/// <summary>The time-to-heal and cost figures of one policy in one cell.</summary>
/// <param name="P50Ms">The nearest-rank median, in virtual milliseconds; infinity when most runs never healed.</param>
/// <param name="P99Ms">The nearest-rank 99th percentile, in virtual milliseconds; infinity when a run in the top 1 % never healed.</param>
/// <param name="Runs">How many seeds ran.</param>
/// <param name="NotHealed">How many runs never healed within the bound.</param>
/// <param name="WithViolations">How many runs reported an invariant violation.</param>
/// <param name="AttemptsPerClientMinute">The mean over the runs of <see cref="HealSample.AttemptsPerClientMinute"/>.</param>
internal sealed record HealStats(double P50Ms, double P99Ms, int Runs, int NotHealed, int WithViolations, double AttemptsPerClientMinute)
{
    /// <summary>The figures of a cell's samples.</summary>
    public static HealStats Of(IReadOnlyCollection<HealSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var times = samples.Select(s => s.HealMsOrInfinity).ToList();
        return new HealStats(
            Percentile.NearestRank(times, 50),
            Percentile.NearestRank(times, 99),
            samples.Count,
            samples.Count(s => s.HealMs is null),
            samples.Count(s => s.Violations > 0),
            samples.Average(s => s.AttemptsPerClientMinute));
    }
}

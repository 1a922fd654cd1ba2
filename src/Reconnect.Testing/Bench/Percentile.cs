namespace Reconnect.Testing.Bench;

/// <summary>Percentiles by the nearest-rank method: the smallest value with at least p % of the values at or below it.</summary>
internal static class Percentile
{
    /// <summary>
    /// The nearest-rank <paramref name="percent"/>-th percentile: sort the values ascending and take the one at rank
    /// ceil(percent / 100 * count), counting from 1. Infinity sorts last, so runs that never finished count as slowest.
    /// </summary>
    /// <param name="values">The samples, in any order; at least one, none NaN.</param>
    /// <param name="percent">The percentile, in [1, 100].</param>
    public static double NearestRank(IReadOnlyCollection<double> values, int percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (values.Count == 0)
        {
            throw new ArgumentException("A percentile needs at least one value.", nameof(values));
        }

        if (values.Any(double.IsNaN))
        {
            throw new ArgumentException("A percentile cannot rank NaN.", nameof(values));
        }

        var sorted = values.Order().ToList();
        var rank = (int)(((long)percent * sorted.Count + 99) / 100);
        return sorted[rank - 1];
    }
}

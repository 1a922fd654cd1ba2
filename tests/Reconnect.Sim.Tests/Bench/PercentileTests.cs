using Reconnect.Testing.Bench;

namespace Reconnect.Sim.Tests.Bench;

public sealed class PercentileTests
{
    private static readonly double[] Five = [15, 20, 35, 40, 50];

    [Theory]
    [InlineData(5, 15)]
    [InlineData(20, 15)]
    [InlineData(21, 20)]
    [InlineData(30, 20)]
    [InlineData(40, 20)]
    [InlineData(41, 35)]
    [InlineData(50, 35)]
    [InlineData(60, 35)]
    [InlineData(61, 40)]
    [InlineData(99, 50)]
    [InlineData(100, 50)]
    public void Nearest_rank_takes_the_value_at_rank_ceil_p_times_n_over_100(int percent, double expected)
    {
        Assert.Equal(expected, Percentile.NearestRank(Five, percent));
    }

    [Fact]
    public void Nearest_rank_does_not_depend_on_the_input_order()
    {
        double[] shuffled = [40, 15, 50, 35, 20];

        Assert.Equal(
            [15.0, 20.0, 35.0, 40.0, 50.0],
            new[] { 20, 40, 50, 80, 100 }.Select(p => Percentile.NearestRank(shuffled, p)));
    }

    [Fact]
    public void Of_200_samples_p50_is_the_100th_and_p99_the_198th()
    {
        var samples = Enumerable.Range(1, 200).Select(i => (double)i).Reverse().ToList();

        Assert.Equal((100.0, 198.0, 200.0), (Percentile.NearestRank(samples, 50), Percentile.NearestRank(samples, 99), Percentile.NearestRank(samples, 100)));
    }

    [Fact]
    public void A_single_sample_is_every_percentile()
    {
        Assert.All(new[] { 1, 50, 99, 100 }, p => Assert.Equal(7.5, Percentile.NearestRank([7.5], p)));
    }

    [Fact]
    public void Infinity_ranks_last_so_a_run_that_never_healed_counts_as_slowest()
    {
        double[] samples = [3, double.PositiveInfinity, 1, 2];

        Assert.Equal((2.0, double.PositiveInfinity), (Percentile.NearestRank(samples, 50), Percentile.NearestRank(samples, 99)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Percent_outside_1_to_100_is_rejected(int percent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.NearestRank(Five, percent));
    }

    [Fact]
    public void No_samples_or_a_NaN_sample_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Percentile.NearestRank([], 50));
        Assert.Throws<ArgumentException>(() => Percentile.NearestRank([1, double.NaN], 50));
    }
}

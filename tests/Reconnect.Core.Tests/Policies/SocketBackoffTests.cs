using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Policies;

[Properties(Arbitrary = [typeof(BackoffArbitraries)])]
public sealed class SocketBackoffTests
{
    private static readonly SocketBackoff Backoff = new(new SocketBackoffOptions());

    private static readonly double JustBelowOne = BackoffArbitraries.JustBelowOne;

    private static double Ms(TimeSpan span) => span.TotalMilliseconds;

    private static double UncappedBase(int retry) => Math.Min(500 * Math.Pow(2, Math.Min(retry - 1, 64)), 30_000);

    [Fact]
    public void Defaults_start_at_500_ms_double_to_a_30_s_cap_with_20_percent_jitter_and_100_attempts()
    {
        var options = new SocketBackoffOptions();

        Assert.Equal(TimeSpan.FromMilliseconds(500), options.InitialDelay);
        Assert.Equal(2.0, options.Multiplier);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxDelay);
        Assert.Equal(0.2, options.JitterFraction);
        Assert.Equal(100, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CapacityFloor);
        Assert.Same(options, new SocketBackoff(options).Options);
    }

    [Property]
    public Property Every_delay_lies_within_20_percent_of_the_capped_exponential(RetryNumber retry, UnitSample u)
    {
        var expected = UncappedBase(retry.Value);
        var actual = Ms(Backoff.DelayBefore(retry.Value, u.Value, TimeSpan.Zero));
        return (actual >= expected * 0.8 && actual <= expected * 1.2).Label($"base={expected} ms actual={actual} ms");
    }

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1_000)]
    [InlineData(3, 2_000)]
    [InlineData(7, 30_000)]
    [InlineData(8, 30_000)]
    [InlineData(100, 30_000)]
    [InlineData(int.MaxValue, 30_000)]
    public void A_mid_sample_gives_the_capped_exponential_without_jitter(int retry, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Backoff.DelayBefore(retry, 0.5, TimeSpan.Zero));
    }

    [Fact]
    public void Jitter_applies_to_the_first_retry_too()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(400), Backoff.DelayBefore(1, 0.0, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromMilliseconds(600), Backoff.DelayBefore(1, JustBelowOne, TimeSpan.Zero));
    }

    [Fact]
    public void Jitter_applies_at_the_cap()
    {
        Assert.Equal(TimeSpan.FromSeconds(24), Backoff.DelayBefore(50, 0.0, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(36), Backoff.DelayBefore(50, JustBelowOne, TimeSpan.Zero));
    }

    [Fact]
    public void A_server_retry_after_hint_longer_than_the_backoff_is_honoured()
    {
        var hint = TimeSpan.FromSeconds(5);

        Assert.Equal(hint, Backoff.DelayBefore(1, 0.5, hint));
    }

    [Fact]
    public void The_capacity_floor_holds_back_an_early_retry()
    {
        var floor = new SocketBackoffOptions().CapacityFloor;

        Assert.Equal(TimeSpan.FromSeconds(30), Backoff.DelayBefore(1, JustBelowOne, floor));
    }

    [Fact]
    public void A_floor_below_the_backoff_does_not_shorten_or_lengthen_it()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(2_000), Backoff.DelayBefore(3, 0.5, TimeSpan.FromMilliseconds(100)));
    }

    [Property]
    public Property The_delay_is_the_larger_of_the_floor_and_the_jittered_backoff(RetryNumber retry, UnitSample u, Floor floor)
    {
        var unfloored = Backoff.DelayBefore(retry.Value, u.Value, TimeSpan.Zero);
        var floored = Backoff.DelayBefore(retry.Value, u.Value, floor.Value);
        return (floored == (unfloored > floor.Value ? unfloored : floor.Value))
            .Label($"unfloored={Ms(unfloored)} ms floored={Ms(floored)} ms");
    }

    [Property]
    public Property For_a_fixed_sample_the_delay_never_shrinks_as_retries_grow(RetryNumber a, RetryNumber b, UnitSample u)
    {
        var (earlier, later) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        var first = Backoff.DelayBefore(earlier, u.Value, TimeSpan.Zero);
        var second = Backoff.DelayBefore(later, u.Value, TimeSpan.Zero);
        return (first <= second).Label($"retry {earlier} -> {Ms(first)} ms, retry {later} -> {Ms(second)} ms");
    }

    [Fact]
    public void Successive_delays_double_until_the_cap_then_stay_there()
    {
        var delays = Enumerable.Range(1, 10).Select(n => Ms(Backoff.DelayBefore(n, 0.5, TimeSpan.Zero))).ToArray();

        Assert.Equal([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000], delays);
    }

    [Property]
    public Property A_sample_outside_the_unit_interval_is_rejected(OutsideSample u)
    {
        var thrown = Record.Exception(() => Backoff.DelayBefore(1, u.Value, TimeSpan.Zero));
        return (thrown is ArgumentOutOfRangeException).Label($"threw {thrown?.GetType().Name ?? "nothing"}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_retry_number_below_one_is_rejected(int retry)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.DelayBefore(retry, 0.5, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(99, false)]
    [InlineData(100, true)]
    [InlineData(101, true)]
    public void The_budget_is_exhausted_at_exactly_max_attempts(int failedAttempts, bool exhausted)
    {
        Assert.Equal(exhausted, Backoff.IsExhausted(failedAttempts));
    }

    [Fact]
    public void Custom_options_change_the_base_cap_and_budget()
    {
        var backoff = new SocketBackoff(new SocketBackoffOptions
        {
            InitialDelay = TimeSpan.FromSeconds(1),
            Multiplier = 3,
            MaxDelay = TimeSpan.FromSeconds(10),
            JitterFraction = 0,
            MaxAttempts = 3,
        });

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.DelayBefore(1, 0.0, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(3), backoff.DelayBefore(2, JustBelowOne, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(9), backoff.DelayBefore(3, 0.3, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(10), backoff.DelayBefore(4, 0.7, TimeSpan.Zero));
        Assert.False(backoff.IsExhausted(2));
        Assert.True(backoff.IsExhausted(3));
    }

    [Property]
    public Property A_ceiling_caps_the_delay_before_jitter_and_never_raises_it(RetryNumber retry, UnitSample u)
    {
        var ceiling = TimeSpan.FromSeconds(2);
        var capped = Ms(Backoff.DelayBefore(retry.Value, u.Value, TimeSpan.Zero, ceiling));
        var plain = Ms(Backoff.DelayBefore(retry.Value, u.Value, TimeSpan.Zero));
        var jitter = 1 + (0.2 * ((2 * u.Value) - 1));
        return (capped == Math.Round(Math.Min(UncappedBase(retry.Value), 2_000) * jitter) && capped <= plain)
            .Label($"capped={capped} plain={plain}");
    }

    [Fact]
    public void A_ceiling_above_the_maximum_delay_changes_nothing_and_a_floor_still_wins()
    {
        Assert.Equal(Backoff.DelayBefore(30, 0.5, TimeSpan.Zero), Backoff.DelayBefore(30, 0.5, TimeSpan.Zero, TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromSeconds(10), Backoff.DelayBefore(30, 0.5, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Options_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => new SocketBackoff(null!));
    }
}

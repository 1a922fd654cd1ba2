using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Policies;

public sealed class IceRestartLadderTests
{
    private static readonly IceRestartLadder Ladder = new(new IceRestartLadderOptions());

    [Fact]
    public void Defaults_allow_nine_attempts()
    {
        Assert.Equal(9, Ladder.MaxAttempts);
    }

    [Fact]
    public void Default_waits_grow_from_at_once_to_thirty_seconds()
    {
        var waits = Enumerable.Range(1, 9).Select(a => Ladder.DelayBefore(a)).ToArray();

        Assert.Equal(
            new[] { 0, 1, 2, 4, 8, 16, 30, 30, 30 }.Select(s => (TimeSpan?)TimeSpan.FromSeconds(s)),
            waits);
    }

    [Fact]
    public void Default_waits_span_121_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(121), Ladder.TotalSpan);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(int.MaxValue)]
    public void There_is_no_wait_after_the_budget_is_spent(int attempt)
    {
        Assert.Null(Ladder.DelayBefore(attempt));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void An_attempt_number_below_one_is_rejected(int attempt)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ladder.DelayBefore(attempt));
    }

    [Fact]
    public void Default_attempt_timeout_is_15_seconds_and_disconnected_grace_2_5_seconds()
    {
        var options = new IceRestartLadderOptions();

        Assert.Equal(TimeSpan.FromSeconds(15), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(2_500), options.DisconnectedGrace);
        Assert.Equal(TimeSpan.FromSeconds(15), options.ConnectTimeout);
        Assert.Same(options, new IceRestartLadder(options).Options);
    }

    [Fact]
    public void A_custom_ladder_follows_its_own_waits()
    {
        var ladder = new IceRestartLadder(new IceRestartLadderOptions
        {
            Delays = [TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7)],
        });

        Assert.Equal(2, ladder.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(3), ladder.DelayBefore(1));
        Assert.Equal(TimeSpan.FromSeconds(7), ladder.DelayBefore(2));
        Assert.Null(ladder.DelayBefore(3));
        Assert.Equal(TimeSpan.FromSeconds(10), ladder.TotalSpan);
    }

    [Fact]
    public void Options_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => new IceRestartLadder(null!));
    }
}

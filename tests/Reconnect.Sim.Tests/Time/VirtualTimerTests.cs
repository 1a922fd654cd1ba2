using Reconnect.Testing.Time;

namespace Reconnect.Sim.Tests.Time;

public sealed class VirtualTimerTests
{
    private static readonly TimeSpan Infinite = Timeout.InfiniteTimeSpan;

    [Fact]
    public void One_shot_timer_fires_exactly_at_its_due_time()
    {
        var time = new VirtualTimeProvider();
        var firedAt = new List<TimeSpan>();
        using var timer = time.CreateTimer(_ => firedAt.Add(time.Elapsed), null, TimeSpan.FromSeconds(3), Infinite);

        time.RunUntil(TimeSpan.FromSeconds(3) - TimeSpan.FromTicks(1));
        Assert.Empty(firedAt);

        time.RunUntil(TimeSpan.FromSeconds(10));
        Assert.Equal([TimeSpan.FromSeconds(3)], firedAt);
        Assert.Equal(0, time.PendingCount);
    }

    [Fact]
    public void Timer_callback_receives_its_state()
    {
        var time = new VirtualTimeProvider();
        object? received = null;
        var state = new object();
        using var timer = time.CreateTimer(s => received = s, state, TimeSpan.FromSeconds(1), Infinite);

        time.RunUntilIdle();

        Assert.Same(state, received);
    }

    [Fact]
    public void Periodic_timer_repeats_every_period_after_the_first_due_time()
    {
        var time = new VirtualTimeProvider();
        var firedAt = new List<TimeSpan>();
        using var timer = time.CreateTimer(
            _ => firedAt.Add(time.Elapsed), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        time.RunUntil(TimeSpan.FromSeconds(7));

        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7)],
            firedAt);
        Assert.Equal(TimeSpan.FromSeconds(9), time.NextDue);
    }

    [Fact]
    public void Zero_period_means_one_shot()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.Zero);

        time.RunUntil(TimeSpan.FromMinutes(1));

        Assert.Equal(1, fired);
        Assert.Equal(0, time.PendingCount);
    }

    [Fact]
    public void Infinite_due_time_creates_a_disabled_timer_that_change_can_start()
    {
        var time = new VirtualTimeProvider();
        var firedAt = new List<TimeSpan>();
        using var timer = time.CreateTimer(_ => firedAt.Add(time.Elapsed), null, Infinite, TimeSpan.FromSeconds(1));

        time.RunUntil(TimeSpan.FromSeconds(5));
        Assert.Empty(firedAt);
        Assert.Equal(0, time.PendingCount);

        Assert.True(timer.Change(TimeSpan.FromSeconds(2), Infinite));
        time.RunUntil(TimeSpan.FromSeconds(20));

        Assert.Equal([TimeSpan.FromSeconds(7)], firedAt);
    }

    [Fact]
    public void Zero_due_time_fires_on_the_next_step_not_inline()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.Zero, Infinite);

        Assert.Equal(0, fired);
        Assert.Equal(1, time.PendingCount);

        Assert.True(time.RunNext());
        Assert.Equal(1, fired);
        Assert.Equal(TimeSpan.Zero, time.Elapsed);
    }

    [Fact]
    public void Change_reschedules_from_the_current_virtual_time()
    {
        var time = new VirtualTimeProvider();
        var firedAt = new List<TimeSpan>();
        using var timer = time.CreateTimer(_ => firedAt.Add(time.Elapsed), null, TimeSpan.FromSeconds(5), Infinite);

        time.RunUntil(TimeSpan.FromSeconds(4));
        Assert.True(timer.Change(TimeSpan.FromSeconds(3), Infinite));
        time.RunUntil(TimeSpan.FromSeconds(20));

        Assert.Equal([TimeSpan.FromSeconds(7)], firedAt);
    }

    [Fact]
    public void Change_to_infinite_due_time_stops_a_periodic_timer()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.RunUntil(TimeSpan.FromSeconds(3));
        Assert.True(timer.Change(Infinite, Infinite));
        time.RunUntil(TimeSpan.FromSeconds(10));

        Assert.Equal(3, fired);
        Assert.Equal(0, time.PendingCount);
    }

    [Fact]
    public void Callback_can_stop_its_own_periodic_timer_with_change()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                fired++;
                timer!.Change(Infinite, Infinite);
            },
            null,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1));

        time.RunUntil(TimeSpan.FromSeconds(10));

        Assert.Equal(1, fired);
        Assert.Equal(0, time.PendingCount);
        timer.Dispose();
    }

    [Fact]
    public void Dispose_removes_a_pending_timer_and_change_then_returns_false()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        timer.Dispose();
        time.RunUntil(TimeSpan.FromSeconds(10));

        Assert.Equal(0, fired);
        Assert.Equal(0, time.PendingCount);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Infinite));
        Assert.Equal(0, time.PendingCount);
    }

    [Fact]
    public async Task DisposeAsync_removes_a_pending_timer()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Infinite);

        await timer.DisposeAsync();
        time.RunUntilIdle();

        Assert.Equal(0, fired);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Infinite));
    }

    [Fact]
    public void Callback_that_disposes_its_periodic_timer_stops_the_repeats()
    {
        var time = new VirtualTimeProvider();
        var fired = 0;
        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                fired++;
                timer!.Dispose();
            },
            null,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1));

        time.RunUntil(TimeSpan.FromSeconds(10));

        Assert.Equal(1, fired);
        Assert.Equal(0, time.PendingCount);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-1000)]
    public void Negative_times_other_than_infinite_are_rejected(int milliseconds)
    {
        var time = new VirtualTimeProvider();
        var negative = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Throws<ArgumentOutOfRangeException>(() => time.CreateTimer(_ => { }, null, negative, Infinite));
        Assert.Throws<ArgumentOutOfRangeException>(() => time.CreateTimer(_ => { }, null, TimeSpan.Zero, negative));
        using var timer = time.CreateTimer(_ => { }, null, Infinite, Infinite);
        Assert.Throws<ArgumentOutOfRangeException>(() => timer.Change(negative, Infinite));
    }

    [Fact]
    public void Times_beyond_the_system_timer_maximum_are_rejected()
    {
        var time = new VirtualTimeProvider();
        var tooLong = TimeSpan.FromMilliseconds(uint.MaxValue);

        Assert.Throws<ArgumentOutOfRangeException>(() => time.CreateTimer(_ => { }, null, tooLong, Infinite));
    }

    [Fact]
    public void Timer_labels_default_to_their_creation_number_and_can_be_named()
    {
        var time = new VirtualTimeProvider();
        using var first = time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Infinite);
        using var named = time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(2), Infinite, "heartbeat");
        using var third = time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(3), Infinite);

        Assert.Equal(["timer#1", "heartbeat", "timer#3"], time.PendingLabels);
    }
}

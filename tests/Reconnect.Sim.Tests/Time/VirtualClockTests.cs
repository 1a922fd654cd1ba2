using Reconnect.Core.Time;
using Reconnect.Testing.Time;

namespace Reconnect.Sim.Tests.Time;

public sealed class VirtualClockTests
{
    [Fact]
    public void Clock_reads_the_default_start_plus_virtual_elapsed()
    {
        var time = new VirtualTimeProvider();

        time.RunFor(TimeSpan.FromMinutes(90));

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 1, 30, 0, TimeSpan.Zero), time.GetUtcNow());
        Assert.Equal(new Instant(TimeSpan.FromMinutes(90)), time.Now);
        Assert.Equal(TimeZoneInfo.Utc, time.LocalTimeZone);
        Assert.Equal(time.GetUtcNow(), time.GetLocalNow());
    }

    [Fact]
    public void Clock_can_start_at_a_given_wall_time()
    {
        var start = new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var time = new VirtualTimeProvider(FifoChooser.Instance, start);

        time.RunFor(TimeSpan.FromSeconds(1));

        Assert.Equal(start.AddSeconds(1), time.GetUtcNow());
    }

    [Fact]
    public void Timestamps_count_virtual_ticks()
    {
        var time = new VirtualTimeProvider();
        var before = time.GetTimestamp();

        time.RunFor(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(TimeSpan.TicksPerSecond, time.TimestampFrequency);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), time.GetElapsedTime(before));
        Assert.Equal(TimeSpan.FromMilliseconds(1500).Ticks, time.GetTimestamp());
    }

    [Fact]
    public void RunUntil_on_an_idle_queue_moves_the_clock_to_the_target()
    {
        var time = new VirtualTimeProvider();

        var steps = time.RunUntil(TimeSpan.FromSeconds(42));

        Assert.Equal(0, steps);
        Assert.Equal(TimeSpan.FromSeconds(42), time.Elapsed);
    }

    [Fact]
    public void RunUntil_stops_the_clock_at_the_target_and_leaves_later_work_queued()
    {
        var time = new VirtualTimeProvider();
        var ran = new List<string>();
        time.Schedule(TimeSpan.FromSeconds(1), () => ran.Add("a"), "a");
        time.Schedule(TimeSpan.FromSeconds(5), () => ran.Add("b"), "b");

        var steps = time.RunUntil(TimeSpan.FromSeconds(3));

        Assert.Equal(1, steps);
        Assert.Equal(["a"], ran);
        Assert.Equal(TimeSpan.FromSeconds(3), time.Elapsed);
        Assert.Equal(TimeSpan.FromSeconds(5), time.NextDue);
    }

    [Fact]
    public void RunUntil_into_the_past_is_rejected_and_time_does_not_go_backwards()
    {
        var time = new VirtualTimeProvider();
        time.RunUntil(TimeSpan.FromSeconds(10));

        Assert.Throws<ArgumentOutOfRangeException>(() => time.RunUntil(TimeSpan.FromSeconds(9)));
        Assert.Equal(TimeSpan.FromSeconds(10), time.Elapsed);
    }

    [Fact]
    public void RunFor_advances_relative_to_now()
    {
        var time = new VirtualTimeProvider();
        time.RunFor(TimeSpan.FromSeconds(2));
        time.RunFor(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(5), time.Elapsed);
    }

    [Fact]
    public void RunNext_moves_the_clock_to_the_item_due_time_and_returns_false_when_empty()
    {
        var time = new VirtualTimeProvider();
        time.Schedule(TimeSpan.FromSeconds(4), () => { }, "later");

        Assert.True(time.RunNext());
        Assert.Equal(TimeSpan.FromSeconds(4), time.Elapsed);
        Assert.False(time.RunNext());
        Assert.Equal(TimeSpan.FromSeconds(4), time.Elapsed);
    }

    [Fact]
    public void RunUntilIdle_runs_everything_including_work_scheduled_by_callbacks()
    {
        var time = new VirtualTimeProvider();
        var ran = new List<string>();
        time.Schedule(
            TimeSpan.FromSeconds(1),
            () =>
            {
                ran.Add("first");
                time.Schedule(TimeSpan.FromSeconds(1), () => ran.Add("second"), "second");
            },
            "first");

        var steps = time.RunUntilIdle();

        Assert.Equal(2, steps);
        Assert.Equal(["first", "second"], ran);
        Assert.Equal(TimeSpan.FromSeconds(2), time.Elapsed);
        Assert.Null(time.NextDue);
    }

    [Fact]
    public void RunWhile_stops_as_soon_as_the_condition_is_false()
    {
        var time = new VirtualTimeProvider();
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        var satisfied = time.RunWhile(() => count < 3, TimeSpan.FromMinutes(1));

        Assert.True(satisfied);
        Assert.Equal(3, count);
        Assert.Equal(TimeSpan.FromSeconds(3), time.Elapsed);
    }

    [Fact]
    public void RunWhile_that_reaches_its_limit_returns_false_with_the_clock_at_the_limit()
    {
        var time = new VirtualTimeProvider();
        time.Schedule(TimeSpan.FromSeconds(30), () => { }, "too late");

        var satisfied = time.RunWhile(() => true, TimeSpan.FromSeconds(10));

        Assert.False(satisfied);
        Assert.Equal(TimeSpan.FromSeconds(10), time.Elapsed);
        Assert.Equal(1, time.PendingCount);
    }

    [Fact]
    public void Cancelled_work_never_runs()
    {
        var time = new VirtualTimeProvider();
        var ran = false;
        var work = time.Schedule(TimeSpan.FromSeconds(1), () => ran = true, "cancelled");

        Assert.True(work.IsPending);
        Assert.True(work.Cancel());
        Assert.False(work.Cancel());
        time.RunUntilIdle();

        Assert.False(ran);
        Assert.False(work.IsPending);
    }

    [Fact]
    public void Work_that_already_ran_cannot_be_cancelled()
    {
        var time = new VirtualTimeProvider();
        var work = time.Schedule(TimeSpan.FromSeconds(1), () => { }, "ran");

        time.RunUntilIdle();

        Assert.False(work.IsPending);
        Assert.False(work.Cancel());
    }

    [Fact]
    public void Pending_labels_and_next_due_follow_queue_order()
    {
        var time = new VirtualTimeProvider();
        time.Schedule(TimeSpan.FromSeconds(3), () => { }, "c");
        time.Schedule(TimeSpan.FromSeconds(1), () => { }, "a");
        time.Schedule(TimeSpan.FromSeconds(3), () => { }, "d");
        time.Schedule(TimeSpan.FromSeconds(2), () => { }, "b");

        Assert.Equal(["a", "b", "c", "d"], time.PendingLabels);
        Assert.Equal(4, time.PendingCount);
        Assert.Equal(TimeSpan.FromSeconds(1), time.NextDue);
    }

    [Fact]
    public void A_callback_may_not_step_the_clock_itself()
    {
        var time = new VirtualTimeProvider();
        time.Schedule(TimeSpan.Zero, () => time.RunNext(), "reentrant");

        Assert.Throws<InvalidOperationException>(() => time.RunNext());
    }

    [Fact]
    public void A_throwing_callback_surfaces_and_leaves_the_queue_consistent()
    {
        var time = new VirtualTimeProvider();
        var ran = false;
        time.Schedule(TimeSpan.FromSeconds(1), () => throw new InvalidOperationException("boom"), "throws");
        time.Schedule(TimeSpan.FromSeconds(2), () => ran = true, "after");

        Assert.Throws<InvalidOperationException>(() => time.RunUntilIdle());
        Assert.Equal(["after"], time.PendingLabels);
        time.RunUntilIdle();

        Assert.True(ran);
    }
}

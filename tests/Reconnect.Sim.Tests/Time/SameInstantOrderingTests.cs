using Reconnect.Testing.Time;

namespace Reconnect.Sim.Tests.Time;

public sealed class SameInstantOrderingTests
{
    [Fact]
    public void Items_due_at_the_same_instant_run_in_scheduling_order_by_default()
    {
        var time = new VirtualTimeProvider();
        var ran = new List<string>();
        foreach (var label in new[] { "c", "a", "d", "b" })
        {
            time.Schedule(TimeSpan.FromSeconds(1), () => ran.Add(label), label);
        }

        time.RunUntilIdle();

        Assert.Equal(["c", "a", "d", "b"], ran);
    }

    [Fact]
    public void Timers_and_scheduled_work_share_one_fifo_queue()
    {
        var time = new VirtualTimeProvider();
        var ran = new List<string>();
        time.Schedule(TimeSpan.FromSeconds(1), () => ran.Add("delivery"), "delivery");
        using var timer = time.CreateTimer(_ => ran.Add("timer"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        time.Schedule(TimeSpan.FromSeconds(1), () => ran.Add("fault"), "fault");

        time.RunUntilIdle();

        Assert.Equal(["delivery", "timer", "fault"], ran);
    }

    [Fact]
    public void Work_scheduled_by_a_callback_for_the_same_instant_runs_after_already_queued_items()
    {
        var time = new VirtualTimeProvider();
        var ran = new List<string>();
        time.Schedule(
            TimeSpan.FromSeconds(1),
            () =>
            {
                ran.Add("first");
                time.Schedule(TimeSpan.Zero, () => ran.Add("spawned"), "spawned");
            },
            "first");
        time.Schedule(TimeSpan.FromSeconds(1), () => ran.Add("second"), "second");
        time.Schedule(TimeSpan.FromSeconds(1), () => ran.Add("third"), "third");

        time.RunUntilIdle();

        Assert.Equal(["first", "second", "third", "spawned"], ran);
        Assert.Equal(TimeSpan.FromSeconds(1), time.Elapsed);
    }

    [Fact]
    public void Items_due_earlier_run_before_items_scheduled_earlier()
    {
        var time = new VirtualTimeProvider();
        var ran = new List<string>();
        time.Schedule(TimeSpan.FromSeconds(2), () => ran.Add("late"), "late");
        time.Schedule(TimeSpan.FromSeconds(1), () => ran.Add("early"), "early");

        time.RunUntilIdle();

        Assert.Equal(["early", "late"], ran);
    }

    [Fact]
    public void Chooser_decides_among_items_due_now_and_sees_their_labels_in_fifo_order()
    {
        var offered = new List<string[]>();
        var chooser = new LastChooser(offered);
        var time = new VirtualTimeProvider(chooser);
        var ran = new List<string>();
        foreach (var label in new[] { "a", "b", "c" })
        {
            time.Schedule(TimeSpan.FromSeconds(1), () => ran.Add(label), label);
        }

        time.Schedule(TimeSpan.FromSeconds(2), () => ran.Add("alone"), "alone");

        time.RunUntilIdle();

        Assert.Equal(["c", "b", "a", "alone"], ran);
        Assert.Equal([["a", "b", "c"], ["a", "b"]], offered);
    }

    [Fact]
    public void Chooser_returning_an_index_out_of_range_is_an_error()
    {
        var time = new VirtualTimeProvider(new FixedIndexChooser(5));
        time.Schedule(TimeSpan.Zero, () => { }, "a");
        time.Schedule(TimeSpan.Zero, () => { }, "b");

        var error = Assert.Throws<InvalidOperationException>(() => time.RunNext());

        Assert.Contains("index 5 among 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, time.PendingCount);
    }

    private sealed class LastChooser(List<string[]> offered) : IEventChooser
    {
        public int Choose(IReadOnlyList<string> labelsDueNow)
        {
            offered.Add([.. labelsDueNow]);
            return labelsDueNow.Count - 1;
        }
    }

    private sealed class FixedIndexChooser(int index) : IEventChooser
    {
        public int Choose(IReadOnlyList<string> labelsDueNow) => index;
    }
}

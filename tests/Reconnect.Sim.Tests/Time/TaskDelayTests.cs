using Reconnect.Testing.Time;

namespace Reconnect.Sim.Tests.Time;

public sealed class TaskDelayTests
{
    [Fact]
    public void Task_delay_on_the_virtual_clock_completes_when_the_clock_reaches_it()
    {
        var time = new VirtualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), time, TestContext.Current.CancellationToken);

        time.RunUntil(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(delay.IsCompleted);

        time.RunUntil(TimeSpan.FromSeconds(5));
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public void Synchronous_continuation_of_a_virtual_delay_runs_inside_the_step_at_the_due_time()
    {
        var time = new VirtualTimeProvider();
        var continuedAt = new List<TimeSpan>();
        var continuation = Task.Delay(TimeSpan.FromSeconds(2), time, TestContext.Current.CancellationToken).ContinueWith(
            _ => continuedAt.Add(time.Elapsed),
            TestContext.Current.CancellationToken,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        time.Schedule(TimeSpan.FromSeconds(2), () => continuedAt.Add(TimeSpan.MinValue), "after the delay");
        time.RunUntil(TimeSpan.FromSeconds(3));

        Assert.True(continuation.IsCompletedSuccessfully);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.MinValue], continuedAt);
    }
}

using Reconnect.Testing.Time;

namespace Reconnect.Sim.Tests.Time;

public sealed class StepCapTests
{
    [Fact]
    public void RunUntilIdle_with_a_periodic_timer_throws_with_the_cap_time_and_next_label()
    {
        var time = new VirtualTimeProvider();
        using var heartbeat = time.CreateTimer(
            _ => { }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), "heartbeat");

        var error = Assert.Throws<StepCapExceededException>(() => time.RunUntilIdle(maxSteps: 5));

        Assert.Equal(5, error.MaxSteps);
        Assert.Equal(TimeSpan.FromSeconds(5), error.VirtualTime);
        Assert.Equal("heartbeat", error.NextLabel);
        Assert.Equal(1, error.PendingCount);
        Assert.Contains("cap of 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("00:00:05", error.Message, StringComparison.Ordinal);
        Assert.Contains("heartbeat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_the_cap_number_of_steps_is_allowed()
    {
        var time = new VirtualTimeProvider();
        for (var i = 0; i < 3; i++)
        {
            time.Schedule(TimeSpan.FromSeconds(i), () => { }, $"item{i}");
        }

        Assert.Equal(3, time.RunUntilIdle(maxSteps: 3));
    }

    [Fact]
    public void RunUntil_throws_when_a_same_instant_livelock_exceeds_the_cap()
    {
        var time = new VirtualTimeProvider();
        void Loop() => time.Schedule(TimeSpan.Zero, Loop, "ping-pong");
        time.Schedule(TimeSpan.FromSeconds(2), Loop, "ping-pong");

        var error = Assert.Throws<StepCapExceededException>(() => time.RunUntil(TimeSpan.FromSeconds(3), maxSteps: 100));

        Assert.Equal(TimeSpan.FromSeconds(2), error.VirtualTime);
        Assert.Equal("ping-pong", error.NextLabel);
    }

    [Fact]
    public void RunWhile_throws_when_it_exceeds_the_cap()
    {
        var time = new VirtualTimeProvider();
        using var poll = time.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(10), "poll");

        var error = Assert.Throws<StepCapExceededException>(
            () => time.RunWhile(() => true, TimeSpan.FromMinutes(1), maxSteps: 10));

        Assert.Equal("poll", error.NextLabel);
        Assert.Equal(TimeSpan.FromMilliseconds(90), error.VirtualTime);
    }
}

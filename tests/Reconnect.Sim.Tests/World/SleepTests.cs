using Reconnect.Core.Engine;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

/// <summary>A machine that sleeps runs nothing and learns it slept on wake; a wall clock that jumps breaks nothing.</summary>
public sealed class SleepTests
{
    /// <summary>Runs a library scenario that must pass; returns the world, the run, and when its only fault happens.</summary>
    private static (SimWorld World, SimRunResult Result, int FaultAtMs) RunPassing(string name)
    {
        var scenario = ScenarioLibrary.Resolve(name);
        var world = new SimWorld(scenario);
        var result = world.Run();
        Assert.True(result.Passed(true), $"SEED=0x{result.Seed:x}: {string.Join("\n", result.Violations.Concat(result.Misses))}");
        return (world, result, scenario.Timeline.Single().AtMs);
    }

    [Fact]
    public void A_sleeping_peer_handles_no_input_while_it_sleeps_and_is_told_it_woke_before_anything_else()
    {
        var scenario = ScenarioLibrary.Resolve("clock-jump");
        var sleep = scenario.Timeline.Single(f => f.Kind == FaultKind.ClockJump);
        var (fellAsleep, woke) = (Instant.Zero + TimeSpan.FromMilliseconds(sleep.AtMs), Instant.Zero + TimeSpan.FromMilliseconds(sleep.EndMs!.Value));
        var world = new SimWorld(scenario);
        var a = world.Peers.Single(p => p.Name == sleep.Peer);
        var outputs = new List<(Instant At, object Output)>();
        a.Pump.EffectDispatching += (_, e) => outputs.Add((e.At, e.Effect));
        a.Pump.NoticeRaised += (_, e) => outputs.Add((e.At, e.Notice));
        var engineNowJustBeforeWake = Instant.Zero;
        world.Time.Schedule(TimeSpan.FromMilliseconds(sleep.EndMs!.Value - 1), () => engineNowJustBeforeWake = a.Engine.Now, "look at A just before it wakes");

        var result = world.Run();

        Assert.True(result.Passed(true), $"SEED=0x{result.Seed:x}: {string.Join("\n", result.Violations.Concat(result.Misses))}");
        Assert.True(engineNowJustBeforeWake <= fellAsleep, $"A's engine was told of {engineNowJustBeforeWake} while asleep");
        Assert.DoesNotContain(outputs, o => o.At >= fellAsleep && o.At < woke);
        var first = outputs.First(o => o.At >= woke);
        Assert.Equal(woke, first.At);
        Assert.IsType<PingMessage>(Assert.IsType<SendMessage>(first.Output).Message);
        Assert.True(a.Engine.Coverage.ContainsKey(CoverageMarks.WakeProbe));
    }

    [Fact]
    public void A_wall_clock_stepped_forwards_costs_one_ping_and_no_reconnect()
    {
        var (world, result, jump) = RunPassing("wall-clock-jump-forward");

        Assert.True(world.Peers[0].Engine.Coverage.ContainsKey(CoverageMarks.WakeProbe));
        Assert.DoesNotContain(result.Trace.Events, e => e.T >= jump && e.Event is TraceEventKind.SocketAttempt or TraceEventKind.StateChange);
    }

    [Fact]
    public void A_wall_clock_stepped_backwards_is_ignored_with_a_notice_and_changes_nothing()
    {
        var (world, result, jump) = RunPassing("wall-clock-jump-backward");

        Assert.Contains(result.Trace.Events, e => e.Peer == "A" && e.Event == TraceEventKind.Ignored && e.Reason!.Contains("monotonic", StringComparison.Ordinal));
        Assert.False(world.Peers[0].Engine.Coverage.ContainsKey(CoverageMarks.WakeProbe));
        Assert.DoesNotContain(result.Trace.Events, e => e.T >= jump && e.Event is TraceEventKind.SocketAttempt or TraceEventKind.StateChange);
    }
}

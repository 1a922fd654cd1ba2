using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Core.Engine;
using Reconnect.Hosting;
using Reconnect.Testing.Time;

namespace Reconnect.Transports.Tests.Hosting;

/// <summary>A platform timer that fires before its due time on the engine's clock is held back and armed again for the rest.</summary>
public sealed class EnginePumpEarlyTimerTests
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new SortedDictionary<string, string>();

    [Property]
    public Property A_timer_the_platform_fires_early_reaches_the_engine_at_its_due_time_and_not_before(PositiveInt earlyMs)
    {
        var early = TimeSpan.FromMilliseconds(1 + (earlyMs.Get % 9_000));
        var time = new VirtualTimeProvider();
        var pump = new EnginePump(new CallEngine(new ReconnectOptions { RetryFirstConnect = true }, 1), new EarlyTimerClock(time, early), EnginePumpMode.Inline);
        var ports = new RecordingPorts();
        pump.Attach(ports.AsPorts());
        pump.Post(new JoinRequested("room", "A", NoMetadata));
        var tokenTimeout = Assert.Single(pump.Engine.Snapshot.ArmedTimers, t => t.Kind == TimerKind.TokenTimeout);

        time.RunFor(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        var beforeDue = pump.Engine.Snapshot.ArmedTimers.Contains(tokenTimeout);
        time.RunFor(TimeSpan.FromMilliseconds(2));
        var afterDue = pump.Engine.Snapshot.ArmedTimers.Contains(tokenTimeout);

        return (beforeDue && !afterDue).Label($"early {early.TotalMilliseconds} ms: armed just before its due time {beforeDue}, just after {afterDue}");
    }
}

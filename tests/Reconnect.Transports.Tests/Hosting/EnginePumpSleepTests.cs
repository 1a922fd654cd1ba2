using Reconnect.Core.Engine;
using Reconnect.Core.Protocol;
using Reconnect.Testing.Time;
using Reconnect.Hosting;

namespace Reconnect.Transports.Tests.Hosting;

/// <summary>The pump notices a sleep from its clock (the wall clock running ahead of the monotonic one) or its own pause, and tells the engine on wake.</summary>
public sealed class EnginePumpSleepTests
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new SortedDictionary<string, string>();
    private static readonly LocalStreamAdded Publish = new(new StreamInfo("cam", NoMetadata));

    /// <summary>A pump on a host clock whose engine has an open, welcomed socket, and the calls made from then on.</summary>
    private static (EnginePump Pump, HostClock Clock, VirtualTimeProvider Time, RecordingPorts Ports, List<EngineNotice> Notices) Welcomed(TimeSpan? threshold = null)
    {
        var time = new VirtualTimeProvider();
        var clock = new HostClock(time);
        var pump = new EnginePump(new CallEngine(new ReconnectOptions(), 1), clock, EnginePumpMode.Inline, sleepThreshold: threshold);
        var ports = new RecordingPorts();
        pump.Attach(ports.AsPorts());
        pump.Post(new JoinRequested("room", "A", NoMetadata));
        pump.Post(new TokenFetched(1, "ok:A", []));
        pump.Post(new SocketOpened(1));
        pump.Post(new FrameReceived(1, ProtocolCodec.Encode(new WelcomeMessage("A", "s1", false))));
        time.RunFor(TimeSpan.FromSeconds(1));
        ports.Calls.Clear();
        var notices = new List<EngineNotice>();
        pump.NoticeRaised += (_, e) => notices.Add(e.Notice);
        return (pump, clock, time, ports, notices);
    }

    private static bool WakeProbeArmed(EnginePump pump) => pump.Engine.Snapshot.ArmedTimers.Any(t => t.Kind == TimerKind.WakeProbe);

    [Fact]
    public void A_wall_clock_ahead_of_the_monotonic_clock_past_the_threshold_tells_the_engine_it_woke_before_the_next_input()
    {
        var (pump, clock, _, ports, _) = Welcomed();

        clock.StepWallClock(TimeSpan.FromSeconds(30));
        pump.Post(Publish);

        Assert.Equal(["send 1 PingMessage", "send 1 PublishStreamMessage"], ports.Calls);
        Assert.True(WakeProbeArmed(pump));
    }

    [Theory]
    [InlineData(4_999, null)]
    [InlineData(30_000, 60_000)]
    public void A_wall_clock_ahead_by_no_more_than_the_threshold_is_no_sleep(int aheadMs, int? thresholdMs)
    {
        var (pump, clock, _, ports, notices) = Welcomed(thresholdMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null);

        clock.StepWallClock(TimeSpan.FromMilliseconds(aheadMs));
        pump.Post(Publish);

        Assert.Equal(["send 1 PublishStreamMessage"], ports.Calls);
        Assert.DoesNotContain(notices, n => n is InputIgnoredNotice);
    }

    [Fact]
    public void A_wall_clock_stepped_backwards_is_ignored_with_a_notice_and_probes_nothing()
    {
        var (pump, clock, _, ports, notices) = Welcomed();

        clock.StepWallClock(TimeSpan.FromSeconds(-30));
        pump.Post(Publish);

        Assert.Equal(["send 1 PublishStreamMessage"], ports.Calls);
        var ignored = Assert.IsType<InputIgnoredNotice>(notices[0]);
        Assert.Equal("wall clock stepped back 00:00:30", ignored.Input);
        Assert.Contains("monotonic", ignored.Reason, StringComparison.Ordinal);
        Assert.False(WakeProbeArmed(pump));
    }

    [Fact]
    public void Resume_tells_the_engine_it_woke_before_the_inputs_held_while_paused()
    {
        var (pump, _, time, ports, _) = Welcomed();
        pump.Pause();
        time.RunFor(TimeSpan.FromSeconds(30));
        pump.Post(Publish);
        Assert.Empty(ports.Calls);

        pump.Resume();

        Assert.Equal("send 1 PingMessage", ports.Calls[0]);
        Assert.Equal("send 1 PublishStreamMessage", ports.Calls[^1]);
        Assert.Contains(CoverageMarks.WakeProbe, pump.Engine.Coverage.Keys);
    }

    [Fact]
    public void A_sleep_threshold_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EnginePump(new CallEngine(new ReconnectOptions(), 1), TimeProvider.System, EnginePumpMode.Inline, sleepThreshold: TimeSpan.Zero));
    }
}

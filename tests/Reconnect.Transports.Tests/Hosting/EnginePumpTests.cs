using Reconnect.Core.Engine;
using Reconnect.Testing.Time;
using Reconnect.Hosting;

namespace Reconnect.Transports.Tests.Hosting;

public sealed class EnginePumpTests
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new SortedDictionary<string, string>();

    private static (EnginePump Pump, RecordingPorts Ports, VirtualTimeProvider Time, List<EngineNotice> Notices) Build()
    {
        var time = new VirtualTimeProvider();
        var pump = new EnginePump(new CallEngine(new ReconnectOptions { RetryFirstConnect = true }, 1), time, EnginePumpMode.Inline);
        var ports = new RecordingPorts();
        pump.Attach(ports.AsPorts());
        var notices = new List<EngineNotice>();
        pump.NoticeRaised += (_, e) => notices.Add(e.Notice);
        return (pump, ports, time, notices);
    }

    [Fact]
    public void An_engine_timer_fires_when_virtual_time_reaches_it()
    {
        var (pump, ports, time, _) = Build();
        pump.Post(new JoinRequested("room", "A", NoMetadata));
        Assert.Equal(["fetch 1"], ports.Calls);

        time.RunFor(TimeSpan.FromSeconds(9.9));
        Assert.Equal(["fetch 1"], ports.Calls);

        time.RunFor(TimeSpan.FromSeconds(0.2));
        Assert.Contains(pump.Engine.Snapshot.ArmedTimers, t => t.Kind == TimerKind.SocketRetry);
    }

    [Fact]
    public void A_cancelled_engine_timer_never_fires()
    {
        var (pump, ports, time, notices) = Build();
        pump.Post(new JoinRequested("room", "A", NoMetadata));
        pump.Post(new TokenFetched(1, "ok:A", []));
        Assert.Equal(["fetch 1", "open 1"], ports.Calls);

        time.RunFor(TimeSpan.FromSeconds(10.5));

        var retry = Assert.Single(notices.OfType<SocketRetryScheduledNotice>());
        Assert.Equal(CloseCodes.WelcomeTimeout, retry.CloseCode);
        Assert.DoesNotContain(notices, n => n is InputIgnoredNotice);
    }

    [Fact]
    public void A_port_that_throws_becomes_a_failure_input_and_the_engine_retries()
    {
        var (pump, ports, time, notices) = Build();
        ports.ThrowOnOpen = true;
        pump.Post(new JoinRequested("room", "A", NoMetadata));
        pump.Post(new TokenFetched(1, "ok:A", []));

        Assert.Contains(notices, n => n is SocketRetryScheduledNotice);
        time.RunFor(TimeSpan.FromSeconds(1));
        Assert.Contains("fetch 2", ports.Calls);
    }

    [Fact]
    public void A_throwing_notice_handler_does_not_stop_the_engine()
    {
        var (pump, ports, _, notices) = Build();
        pump.NoticeRaised += (_, _) => throw new InvalidOperationException("app bug");
        pump.Post(new JoinRequested("room", "A", NoMetadata));
        pump.Post(new TokenFetched(1, "ok:A", []));

        Assert.Equal(["fetch 1", "open 1"], ports.Calls);
        Assert.Contains(notices, n => n is SocketAttemptStartedNotice);
    }

    [Fact]
    public void Paused_inputs_are_handled_in_order_on_resume()
    {
        var (pump, ports, _, _) = Build();
        pump.Pause();
        pump.Post(new JoinRequested("room", "A", NoMetadata));
        pump.Post(new TokenFetched(1, "ok:A", []));
        Assert.Empty(ports.Calls);
        Assert.True(pump.IsPaused);

        pump.Resume();

        Assert.Equal(["fetch 1", "open 1"], ports.Calls);
    }

    [Fact]
    public async Task Background_mode_handles_posted_inputs_on_its_reader()
    {
        var ports = new RecordingPorts();
        await using var pump = new EnginePump(new CallEngine(new ReconnectOptions(), 1), TimeProvider.System, EnginePumpMode.Background);
        pump.Attach(ports.AsPorts());
        var fetched = new TaskCompletionSource();
        pump.EffectDispatching += (_, e) =>
        {
            if (e.Effect is FetchToken)
            {
                fetched.TrySetResult();
            }
        };
        using var cts = new CancellationTokenSource();
        var run = pump.RunAsync(cts.Token);

        pump.Post(new JoinRequested("room", "A", NoMetadata));
        await fetched.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await cts.CancelAsync();
        await run;

        Assert.Equal("fetch 1", ports.Calls[0]);
    }

    [Fact]
    public void Close_of_a_welcomed_engine_sends_the_leave_then_closes_the_socket_with_the_flush_bound()
    {
        var (pump, ports, _, _) = Build();
        pump.Post(new JoinRequested("room", "A", NoMetadata));
        pump.Post(new TokenFetched(1, "ok:A", []));
        pump.Post(new SocketOpened(1));
        pump.Post(new FrameReceived(1, Core.Protocol.ProtocolCodec.Encode(new Core.Protocol.WelcomeMessage("A", "s1", false))));
        var before = ports.Calls.Count;

        pump.Post(new CloseRequested());

        Assert.Equal(["send 1 LeaveMessage", "close 1 1000 flushing 250 ms"], ports.Calls.Skip(before));
    }

    [Fact]
    public void Attaching_ports_twice_is_refused()
    {
        var (pump, ports, _, _) = Build();

        Assert.Throws<InvalidOperationException>(() => pump.Attach(ports.AsPorts()));
    }
}

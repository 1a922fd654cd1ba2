using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reconnect.Core.Engine;
using Reconnect.Core.Time;

namespace Reconnect.Hosting;

/// <summary>
/// The one place that touches a <see cref="TimeProvider"/>: it computes <c>now</c>, feeds inputs to the
/// engine, drains its outputs, dispatches effects to ports, arms timers and raises notices. A port or a
/// notice handler that throws is logged; it never breaks the engine. It notices a sleep on wake: when the wall
/// clock has run ahead of the monotonic clock between two inputs by more than the sleep threshold (a suspend the
/// monotonic clock did not count, or a wall-clock step forwards), or on <see cref="Resume"/>, the engine is told
/// <see cref="WokeUp"/> before the next input; a wall-clock step backwards is ignored with a notice. In the browser (one
/// thread, where a continuation queued for later may never run: a page being unloaded runs no more tasks), an input
/// posted while the background loop waits is handled at once, on the poster's stack, so a page that closes while it
/// unloads still has its effects carried out (its leave handed to the socket).
/// </summary>
public sealed partial class EnginePump : IEngineInputSink, IAsyncDisposable
{
    /// <summary>How far the wall clock must run ahead of the monotonic clock between two inputs to count as a sleep, unless told otherwise.</summary>
    public static readonly TimeSpan DefaultSleepThreshold = TimeSpan.FromSeconds(5);

    private readonly CallEngine _engine;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _start;
    private readonly TimeSpan _sleepThreshold;
    private readonly Dictionary<TimerId, (ITimer Timer, Instant Due)> _timers = [];
    private readonly Queue<EngineInput> _inline = new();
    private readonly Channel<EngineInput> _channel = System.Threading.Channels.Channel.CreateUnbounded<EngineInput>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = OperatingSystem.IsBrowser() });
    private EnginePorts? _ports;
    private bool _draining;
    private bool _paused;
    private bool _disposed;
    private Instant _pausedAt;
    private (Instant Monotonic, DateTimeOffset Wall) _lastTick;

    /// <summary>Creates a pump around an engine.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="time">The clock: monotonic time for the engine and its timers, the wall clock only to notice sleeps.</param>
    /// <param name="mode">How the pump runs.</param>
    /// <param name="logger">Where to log.</param>
    /// <param name="sleepThreshold">How far the wall clock must run ahead of the monotonic clock to count as a sleep; <see cref="DefaultSleepThreshold"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The sleep threshold is not positive.</exception>
    public EnginePump(CallEngine engine, TimeProvider time, EnginePumpMode mode, ILogger? logger = null, TimeSpan? sleepThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(time);
        _sleepThreshold = sleepThreshold ?? DefaultSleepThreshold;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_sleepThreshold, TimeSpan.Zero, nameof(sleepThreshold));
        _engine = engine;
        _time = time;
        Mode = mode;
        _logger = logger ?? NullLogger.Instance;
        _start = time.GetTimestamp();
        _lastTick = (Instant.Zero, time.GetUtcNow());
    }

    /// <summary>Raised for every notice, on the engine's thread, in order.</summary>
    public event EventHandler<EngineNoticeEventArgs>? NoticeRaised;

    /// <summary>Raised for every effect just before it is dispatched, on the engine's thread.</summary>
    public event EventHandler<EngineEffectEventArgs>? EffectDispatching;

    /// <summary>Raised on the engine's thread after each input's outputs were all dispatched, for the client's own bookkeeping.</summary>
    internal event EventHandler<EngineInput>? InputHandled;

    /// <summary>Raised on the engine's thread just before an input is handled (a timer held back for firing early is not), for traces.</summary>
    internal event EventHandler<EngineInput>? InputHandling;

    /// <summary>How the pump runs.</summary>
    public EnginePumpMode Mode { get; }

    /// <summary>
    /// Inline mode: when set, every input is handled under this lock, which the owner of the clock also holds while it
    /// runs the clock, so inputs posted from other threads (commands from event handlers) never run the engine at the same time.
    /// </summary>
    internal Lock? InlineGate { get; set; }

    /// <summary>The engine's clock reading now: time since the pump was created.</summary>
    public Instant Now => new(_time.GetElapsedTime(_start));

    /// <summary>True between <see cref="Pause"/> and <see cref="Resume"/>.</summary>
    public bool IsPaused => _paused;

    /// <summary>The engine, for read-only inspection on its own thread.</summary>
    public CallEngine Engine => _engine;

    /// <summary>Connects the ports effects go to; call once, before the first input.</summary>
    public void Attach(EnginePorts ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        if (_ports is not null)
        {
            throw new InvalidOperationException("The pump already has its ports.");
        }

        _ports = ports;
    }

    /// <inheritdoc />
    public void Post(EngineInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_disposed)
        {
            return;
        }

        if (Mode == EnginePumpMode.Background)
        {
            _channel.Writer.TryWrite(input);
            return;
        }

        if (InlineGate is null)
        {
            PostInline(input);
            return;
        }

        lock (InlineGate)
        {
            PostInline(input);
        }
    }

    /// <summary>
    /// Holds every input (I/O results and timers alike) until <see cref="Resume"/>, as a sleeping process would;
    /// inline mode only. On resume they are handled in order, late.
    /// </summary>
    public void Pause()
    {
        if (Mode != EnginePumpMode.Inline)
        {
            throw new InvalidOperationException("Pause is for the inline mode.");
        }

        if (!_paused)
        {
            _paused = true;
            _pausedAt = Now;
        }
    }

    /// <summary>Tells the engine it woke (<see cref="WokeUp"/>, for the time paused, if any passed), then handles every input held since <see cref="Pause"/>.</summary>
    public void Resume()
    {
        if (!_paused)
        {
            return;
        }

        _paused = false;
        var slept = Now - _pausedAt;
        if (slept > TimeSpan.Zero)
        {
            var held = _inline.ToArray();
            _inline.Clear();
            _inline.Enqueue(new WokeUp(slept));
            foreach (var input in held)
            {
                _inline.Enqueue(input);
            }
        }

        DrainInline();
    }

    /// <summary>Drains the input channel until cancelled or disposed (background mode only).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Mode != EnginePumpMode.Background)
        {
            throw new InvalidOperationException("RunAsync is for the background mode.");
        }

        try
        {
            await foreach (var input in _channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                Process(input);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopped(_logger);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        _channel.Writer.TryComplete();
        foreach (var armed in _timers.Values)
        {
            armed.Timer.Dispose();
        }

        _timers.Clear();
        return ValueTask.CompletedTask;
    }

    private void PostInline(EngineInput input)
    {
        _inline.Enqueue(input);
        DrainInline();
    }

    private void DrainInline()
    {
        if (_draining || _paused)
        {
            return;
        }

        _draining = true;
        try
        {
            while (!_paused && _inline.TryDequeue(out var next))
            {
                Process(next);
            }
        }
        finally
        {
            _draining = false;
        }
    }

    private void Process(EngineInput input)
    {
        var now = Now;
        if (input is TimerFired fired && HeldBack(fired.Timer, now))
        {
            return;
        }

        NoticeClockJump(now, _time.GetUtcNow());
        InputHandling?.Invoke(this, input);
        Feed(now, input);
        InputHandled?.Invoke(this, input);
    }

    /// <summary>
    /// Compares how far the wall clock and the monotonic clock moved since the last input: the wall clock ahead by
    /// more than the threshold is a sleep (or a step forwards, which the engine checks cheaply), behind it a step
    /// backwards, which changes nothing since the engine runs on monotonic time.
    /// </summary>
    private void NoticeClockJump(Instant now, DateTimeOffset wall)
    {
        var drift = (wall - _lastTick.Wall) - (now - _lastTick.Monotonic);
        _lastTick = (now, wall);
        if (drift > _sleepThreshold)
        {
            LogSleepNoticed(_logger, drift);
            Feed(now, new WokeUp(drift));
        }
        else if (drift < -_sleepThreshold)
        {
            LogWallClockSteppedBack(_logger, -drift);
            RaiseNotice(new InputIgnoredNotice($"wall clock stepped back {-drift}", "the engine runs on monotonic time; a wall-clock step backwards changes nothing"), now);
        }
    }

    private void Feed(Instant now, EngineInput input)
    {
        _engine.Handle(now, input);
        while (_engine.PollOutput() is { } output)
        {
            switch (output)
            {
                case StartTimer start: Arm(start, now); break;
                case CancelTimer cancel: Disarm(cancel.Timer); break;
                case EngineEffect effect: DispatchEffect(effect, now); break;
                case EngineNotice notice: RaiseNotice(notice, now); break;
                default: throw new InvalidOperationException($"Unknown engine output {output.GetType().Name}.");
            }
        }
    }

    private void Arm(StartTimer start, Instant now)
    {
        Disarm(start.Timer);
        Schedule(start.Timer, start.Due, now);
    }

    private void Schedule(TimerId id, Instant due, Instant now)
    {
        var delay = due > now ? due - now : TimeSpan.Zero;
        _timers[id] = (_time.CreateTimer(_ => Post(new TimerFired(id)), null, delay, Timeout.InfiniteTimeSpan), due);
    }

    /// <summary>
    /// A platform timer that fired before its due time on the engine's clock (a browser's setTimeout may) is held back
    /// and armed again for the rest, so the engine never runs a timer early.
    /// </summary>
    private bool HeldBack(TimerId id, Instant now)
    {
        if (!_timers.TryGetValue(id, out var armed) || armed.Due <= now)
        {
            return false;
        }

        armed.Timer.Dispose();
        Schedule(id, armed.Due, now);
        return true;
    }

    private void Disarm(TimerId id)
    {
        if (_timers.Remove(id, out var armed))
        {
            armed.Timer.Dispose();
        }
    }

    private void DispatchEffect(EngineEffect effect, Instant now)
    {
        var ports = _ports ?? throw new InvalidOperationException("Attach the ports before posting inputs.");
        try
        {
            EffectDispatching?.Invoke(this, new EngineEffectEventArgs(now, effect));
            EffectDispatcher.Dispatch(effect, ports);
        }
#pragma warning disable CA1031 // A port's failure becomes an input; it must never break the engine.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPortFailed(_logger, effect.GetType().Name, ex);
            if (EffectDispatcher.FailureInput(effect, ex) is { } failure)
            {
                Post(failure);
            }
        }
    }

    private void RaiseNotice(EngineNotice notice, Instant now)
    {
        try
        {
            NoticeRaised?.Invoke(this, new EngineNoticeEventArgs(now, notice));
        }
#pragma warning disable CA1031 // A throwing application handler is logged and never breaks the engine.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, notice.GetType().Name, ex);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "A port failed to carry out {Effect}")]
    private static partial void LogPortFailed(ILogger logger, string effect, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "A notice handler for {Notice} threw")]
    private static partial void LogHandlerFailed(ILogger logger, string notice, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "The engine pump stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "The wall clock ran {Drift} ahead of the monotonic clock: the host slept, or its clock was stepped; probing the connections")]
    private static partial void LogSleepNoticed(ILogger logger, TimeSpan drift);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "The wall clock stepped back {Step}; ignored, the engine runs on monotonic time")]
    private static partial void LogWallClockSteppedBack(ILogger logger, TimeSpan step);
}

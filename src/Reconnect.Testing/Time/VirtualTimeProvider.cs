using Reconnect.Core.Time;

namespace Reconnect.Testing.Time;

/// <summary>
/// A deterministic, single-threaded <see cref="TimeProvider"/> driven by hand. Timers and any other
/// scheduled work (network deliveries, faults) share one queue ordered by (due, sequence); callbacks
/// run inline on the caller's thread, never on the thread pool. Items due at the same instant are
/// ordered by an <see cref="IEventChooser"/> (FIFO by default). Time only moves forward.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    /// <summary>The step cap used when a run method is given none.</summary>
    public const int DefaultMaxSteps = 100_000;

    private readonly SortedSet<ScheduledWork> _queue = new(ScheduledWorkOrder.Instance);
    private readonly IEventChooser _chooser;
    private long _nextSequence;
    private long _timersCreated;
    private bool _running;

    /// <summary>Creates a provider starting at <see cref="DefaultStart"/> with FIFO ordering.</summary>
    public VirtualTimeProvider()
        : this(FifoChooser.Instance)
    {
    }

    /// <summary>Creates a provider starting at <see cref="DefaultStart"/> ordered by <paramref name="chooser"/>.</summary>
    public VirtualTimeProvider(IEventChooser chooser)
        : this(chooser, DefaultStart)
    {
    }

    /// <summary>Creates a provider whose wall clock reads <paramref name="start"/> at elapsed zero.</summary>
    public VirtualTimeProvider(IEventChooser chooser, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(chooser);
        _chooser = chooser;
        Start = start;
    }

    /// <summary>The wall-clock reading at elapsed zero unless another is given: 2026-01-01T00:00:00Z.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The wall-clock reading at elapsed zero.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Virtual time elapsed since the start.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>The current virtual time as an engine <see cref="Instant"/>.</summary>
    public Instant Now => new(Elapsed);

    /// <summary>How many items (armed timers and scheduled work) are queued.</summary>
    public int PendingCount => _queue.Count;

    /// <summary>When the earliest queued item is due, or null when the queue is empty.</summary>
    public TimeSpan? NextDue => _queue.Count == 0 ? null : _queue.Min!.Due;

    /// <summary>A snapshot of the queued labels in (due, sequence) order, for diagnostics.</summary>
    public IReadOnlyList<string> PendingLabels => [.. _queue.Select(w => w.Label)];

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Start + Elapsed;

    /// <inheritdoc />
    public override long GetTimestamp() => Elapsed.Ticks;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        CreateTimer(callback, state, dueTime, period, $"timer#{_timersCreated + 1}");

    /// <summary>Creates a timer whose queued firings carry <paramref name="label"/>.</summary>
    public ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period, string label)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(label);
        VirtualTimer.Validate(dueTime, nameof(dueTime));
        VirtualTimer.Validate(period, nameof(period));
        _timersCreated++;
        var timer = new VirtualTimer(this, callback, state, label);
        timer.Arm(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Queues <paramref name="action"/> to run <paramref name="delay"/> from now. A zero delay runs on a
    /// later step, after everything already due now, never inline.
    /// </summary>
    public ScheduledWork Schedule(TimeSpan delay, Action action, string label)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delay, TimeSpan.MaxValue - Elapsed);
        var work = new ScheduledWork(this, Elapsed + delay, _nextSequence++, action, label) { IsPending = true };
        _queue.Add(work);
        return work;
    }

    /// <summary>Runs the next item, moving the clock to its due time; false when the queue is empty.</summary>
    public bool RunNext()
    {
        ThrowIfRunning();
        if (_queue.Count == 0)
        {
            return false;
        }

        RunOne();
        return true;
    }

    /// <summary>
    /// Runs every item due at or before <paramref name="virtualElapsed"/>, then sets the clock there
    /// even if nothing ran. Returns the number of items run.
    /// </summary>
    public int RunUntil(TimeSpan virtualElapsed, int maxSteps = DefaultMaxSteps)
    {
        ThrowIfRunning();
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualElapsed, Elapsed);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSteps);
        var steps = 0;
        while (_queue.Count > 0 && _queue.Min!.Due <= virtualElapsed)
        {
            RunCapped(ref steps, maxSteps);
        }

        Elapsed = virtualElapsed;
        return steps;
    }

    /// <summary>Runs for <paramref name="duration"/> of virtual time; see <see cref="RunUntil"/>.</summary>
    public int RunFor(TimeSpan duration, int maxSteps = DefaultMaxSteps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(duration, TimeSpan.MaxValue - Elapsed);
        return RunUntil(Elapsed + duration, maxSteps);
    }

    /// <summary>Runs until the queue is empty; returns the number of items run.</summary>
    public int RunUntilIdle(int maxSteps = DefaultMaxSteps)
    {
        ThrowIfRunning();
        ArgumentOutOfRangeException.ThrowIfNegative(maxSteps);
        var steps = 0;
        while (_queue.Count > 0)
        {
            RunCapped(ref steps, maxSteps);
        }

        return steps;
    }

    /// <summary>
    /// Runs items while <paramref name="condition"/> holds, for at most <paramref name="limit"/> of
    /// virtual time. Returns true once the condition is false; false when the limit is reached first,
    /// in which case the clock is left at the limit.
    /// </summary>
    public bool RunWhile(Func<bool> condition, TimeSpan limit, int maxSteps = DefaultMaxSteps)
    {
        ThrowIfRunning();
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, TimeSpan.MaxValue - Elapsed);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSteps);
        var deadline = Elapsed + limit;
        var steps = 0;
        while (condition())
        {
            if (_queue.Count == 0 || _queue.Min!.Due > deadline)
            {
                Elapsed = deadline;
                return false;
            }

            RunCapped(ref steps, maxSteps);
        }

        return true;
    }

    internal bool Remove(ScheduledWork work)
    {
        if (!_queue.Remove(work))
        {
            return false;
        }

        work.IsPending = false;
        return true;
    }

    private void RunCapped(ref int steps, int maxSteps)
    {
        if (steps >= maxSteps)
        {
            throw new StepCapExceededException(maxSteps, Elapsed, _queue.Min?.Label, _queue.Count);
        }

        RunOne();
        steps++;
    }

    private void RunOne()
    {
        var work = PickNext();
        Remove(work);
        Elapsed = work.Due;
        _running = true;
        try
        {
            work.Execute();
        }
        finally
        {
            _running = false;
        }
    }

    private ScheduledWork PickNext()
    {
        var first = _queue.Min!;
        var dueNow = new List<ScheduledWork>();
        foreach (var work in _queue)
        {
            if (work.Due != first.Due)
            {
                break;
            }

            dueNow.Add(work);
        }

        if (dueNow.Count == 1)
        {
            return first;
        }

        var index = _chooser.Choose([.. dueNow.Select(w => w.Label)]);
        if (index < 0 || index >= dueNow.Count)
        {
            throw new InvalidOperationException(
                $"{_chooser.GetType().Name} chose index {index} among {dueNow.Count} items due at {first.Due}.");
        }

        return dueNow[index];
    }

    private void ThrowIfRunning()
    {
        if (_running)
        {
            throw new InvalidOperationException("A callback may schedule work but must not step the virtual clock.");
        }
    }
}

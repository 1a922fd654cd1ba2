namespace Reconnect.Testing.Exploration;

/// <summary>The running counts of one exploration: schedules, runs, failures, coverage and wall time.</summary>
internal sealed class ExploreTally
{
    private readonly TimeProvider _wallClock;
    private readonly long _started;
    private readonly TimeSpan? _budget;
    private readonly int _total;
    private readonly IProgress<ExploreProgress>? _progress;
    private readonly SortedDictionary<string, long> _coverage = new(StringComparer.Ordinal);
    private readonly List<ExploreFailure> _failures = [];

    public ExploreTally(TimeProvider wallClock, TimeSpan? budget, int total, IProgress<ExploreProgress>? progress)
    {
        _wallClock = wallClock;
        _started = wallClock.GetTimestamp();
        _budget = budget;
        _total = total;
        _progress = progress;
    }

    public int Schedules { get; private set; }

    public int Runs { get; private set; }

    public int Capped { get; private set; }

    public bool StoppedByBudget { get; private set; }

    public TimeSpan Elapsed => _wallClock.GetElapsedTime(_started);

    /// <summary>True once the wall-time budget is spent; remembers that the budget stopped the exploration.</summary>
    public bool OutOfTime()
    {
        if (_budget is { } budget && Elapsed >= budget)
        {
            StoppedByBudget = true;
        }

        return StoppedByBudget;
    }

    public void CountRuns(int runs) => Runs += runs;

    public void Cover(IReadOnlyDictionary<string, long> coverage)
    {
        foreach (var (key, count) in coverage)
        {
            _coverage[key] = _coverage.TryGetValue(key, out var n) ? n + count : count;
        }
    }

    public void Fail(ExploreFailure failure) => _failures.Add(failure);

    public void ScheduleDone(bool capped)
    {
        Schedules++;
        Capped += capped ? 1 : 0;
        _progress?.Report(new ExploreProgress(Schedules, Runs, _failures.Count, _total, Elapsed, _budget));
    }

    public ExploreResult Result() =>
        new(Schedules, Runs, [.. _failures], Elapsed, StoppedByBudget, Capped, new SortedDictionary<string, long>(_coverage, StringComparer.Ordinal));
}

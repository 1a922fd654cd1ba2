namespace Reconnect.Sim.Cli;

/// <summary>
/// Prints a progress line on stderr at most once every <see cref="Every"/> of wall time, so a run longer than a few
/// seconds shows it is alive and a short one prints nothing. Safe to report from several threads.
/// </summary>
/// <typeparam name="T">What is reported.</typeparam>
internal sealed class WallClockProgress<T> : IProgress<T>
{
    /// <summary>The least wall time between two lines, and before the first.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(3);

    private readonly TimeProvider _clock;
    private readonly TextWriter _errors;
    private readonly Func<T, TimeSpan, string> _line;
    private readonly Lock _gate = new();
    private readonly long _start;
    private long _last;

    /// <summary>Creates the reporter; <paramref name="line"/> words a report given the wall time since the start.</summary>
    public WallClockProgress(TimeProvider clock, TextWriter errors, Func<T, TimeSpan, string> line)
    {
        _clock = clock;
        _errors = errors;
        _line = line;
        _start = clock.GetTimestamp();
        _last = _start;
    }

    /// <inheritdoc />
    public void Report(T value)
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            if (_clock.GetElapsedTime(_last, now) < Every)
            {
                return;
            }

            _last = now;
            _errors.WriteLine(_line(value, _clock.GetElapsedTime(_start, now)));
            _errors.Flush();
        }
    }
}

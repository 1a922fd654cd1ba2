using System.Globalization;
using System.Text;

namespace Reconnect.Testing.Exploration;

/// <summary>What an exploration covered and found.</summary>
/// <param name="Schedules">Schedules explored.</param>
/// <param name="Runs">Simulation runs, shrinking included.</param>
/// <param name="Failures">Failing schedules, in the order found.</param>
/// <param name="Elapsed">Wall time spent.</param>
/// <param name="StoppedByBudget">True when the wall-time budget ended the exploration early.</param>
/// <param name="CappedSchedules">Schedules whose same-instant orderings were cut off at the run cap (exhaustive mode).</param>
/// <param name="Coverage">The engine coverage keys reached, with counts, summed over the explored runs.</param>
public sealed record ExploreResult(
    int Schedules,
    int Runs,
    IReadOnlyList<ExploreFailure> Failures,
    TimeSpan Elapsed,
    bool StoppedByBudget,
    int CappedSchedules,
    IReadOnlyDictionary<string, long> Coverage)
{
    /// <summary>True when nothing failed.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Schedules explored per minute of wall time.</summary>
    public double SchedulesPerMinute => Elapsed > TimeSpan.Zero ? Schedules / Elapsed.TotalMinutes : 0.0;

    /// <summary>One line: <c>explored N schedules (M runs), F failures</c>.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture, $"explored {Schedules} schedules ({Runs} runs), {Failures.Count} failures");

    /// <summary>The summary followed by every failure's description.</summary>
    public string Describe()
    {
        var text = new StringBuilder(Summary).Append('\n');
        foreach (var failure in Failures)
        {
            text.Append(failure.Describe());
        }

        return text.ToString();
    }
}

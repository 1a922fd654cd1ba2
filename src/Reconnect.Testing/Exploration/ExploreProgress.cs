namespace Reconnect.Testing.Exploration;

/// <summary>How far an exploration has got, reported after each schedule.</summary>
/// <param name="Schedules">Schedules explored so far.</param>
/// <param name="Runs">Simulation runs so far, shrinking included.</param>
/// <param name="Failures">Failing schedules so far.</param>
/// <param name="TotalSchedules">How many schedules the exploration means to explore.</param>
/// <param name="Elapsed">Wall time so far.</param>
/// <param name="Budget">The wall-time budget, if any.</param>
public readonly record struct ExploreProgress(int Schedules, int Runs, int Failures, int TotalSchedules, TimeSpan Elapsed, TimeSpan? Budget)
{
    /// <summary>The fraction done, in [0, 1]: by schedules, or by wall time when the budget is nearer.</summary>
    public double Fraction
    {
        get
        {
            var bySchedules = TotalSchedules <= 0 ? 1.0 : (double)Schedules / TotalSchedules;
            var byTime = Budget is { } budget && budget > TimeSpan.Zero ? Elapsed / budget : 0.0;
            return Math.Clamp(Math.Max(bySchedules, byTime), 0.0, 1.0);
        }
    }
}

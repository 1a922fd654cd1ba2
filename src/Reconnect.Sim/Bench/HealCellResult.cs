namespace Reconnect.Sim.Bench;

/// <summary>One row of the heal table: a cell with both policies' figures and the goal.</summary>
/// <param name="Cell">What broke, for how long, and the signal.</param>
/// <param name="Reconnect">This library's figures.</param>
/// <param name="Baseline">The baseline's figures.</param>
internal sealed record HealCellResult(HealCell Cell, HealStats Reconnect, HealStats Baseline)
{
    /// <summary>Reconnect's p99 over the baseline's: below 1 means this library heals faster in the tail.</summary>
    public double P99Ratio => Reconnect.P99Ms / Baseline.P99Ms;

    /// <summary>The cell's goal for reconnect's p99, in milliseconds (<see cref="HealGoal.P99GoalMs"/>).</summary>
    public double GoalMs => HealGoal.P99GoalMs(Baseline.P99Ms);

    /// <summary>Reconnect's p99 over the cell's goal: 1 or less meets it.</summary>
    public double GoalRatio => Reconnect.P99Ms / GoalMs;

    /// <summary>True when reconnect makes no more connection attempts per client per minute of outage than the baseline.</summary>
    public bool CostMet => Reconnect.AttemptsPerClientMinute <= Baseline.AttemptsPerClientMinute;
}

using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Bench;

/// <summary>What a heal bench run found: one row per cell, and the simulator's speed when it was measured.</summary>
/// <param name="Seeds">Seeds per cell and policy.</param>
/// <param name="Rows">The cells, in table order.</param>
/// <param name="Speed">The simulator's speed, or null when it was not measured.</param>
/// <param name="Fault">The fault timed.</param>
internal sealed record HealBenchReport(int Seeds, IReadOnlyList<HealCellResult> Rows, SimSpeedReport? Speed, FaultKind Fault = FaultKind.Offline)
{
    /// <summary>The worst (largest) reconnect/baseline p99 ratio over the rows; NaN when no row has one.</summary>
    public double WorstP99Ratio => Worst(row => row.P99Ratio);

    /// <summary>The worst (largest) reconnect p99 over the cell's goal; 1 or less means every cell meets its goal.</summary>
    public double WorstGoalRatio => Worst(row => row.GoalRatio);

    private double Worst(Func<HealCellResult, double> ratio) =>
        Rows.Select(ratio).Where(r => !double.IsNaN(r)).DefaultIfEmpty(double.NaN).Max();
}

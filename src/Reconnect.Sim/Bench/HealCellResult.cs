namespace Reconnect.Sim.Bench;

/// <summary>One row of the heal table: a cell with both policies' figures.</summary>
/// <param name="Cell">The outage length and signal.</param>
/// <param name="Reconnect">This library's figures.</param>
/// <param name="Baseline">The baseline's figures.</param>
public sealed record HealCellResult(HealCell Cell, HealStats Reconnect, HealStats Baseline)
{
    /// <summary>Reconnect's p99 over the baseline's: below 1 means this library heals faster in the tail.</summary>
    public double P99Ratio => Reconnect.P99Ms / Baseline.P99Ms;
}

namespace Reconnect.Sim.Bench;

/// <summary>One row of the heal bench: how long peer A is offline and whether its engine hears the network-change signal.</summary>
/// <param name="OutageSeconds">The length of the <c>offline</c> fault, in seconds.</param>
/// <param name="NetworkSignal">True when the reconnect policy's offline peer gets the operating system's network-change signal.</param>
public sealed record HealCell(int OutageSeconds, bool NetworkSignal)
{
    /// <summary>The row's signal label: <c>with</c> or <c>without</c>.</summary>
    public string SignalLabel => NetworkSignal ? "with" : "without";
}

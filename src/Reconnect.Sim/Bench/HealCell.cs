namespace Reconnect.Sim.Bench;

/// <summary>One row of the heal bench: what breaks, for how long, and whether peer A's engine hears the network-change signal.</summary>
/// <param name="Kind">What breaks.</param>
/// <param name="OutageSeconds">How long it stays broken, in seconds.</param>
/// <param name="NetworkSignal">True when the reconnect policy's peers get the operating system's network-change signal; only for kinds that have one.</param>
internal sealed record HealCell(OutageKind Kind, int OutageSeconds, bool NetworkSignal)
{
    /// <summary>The row's signal label: <c>with</c>, <c>without</c>, or <c>-</c> for kinds the operating system cannot see.</summary>
    public string SignalLabel => !Kind.HasNetworkSignal() ? "-" : NetworkSignal ? "with" : "without";
}

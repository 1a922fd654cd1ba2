namespace Reconnect.Sim.Bench;

/// <summary>The reconnect behaviours the heal bench compares.</summary>
internal enum HealPolicy
{
    /// <summary>This library with its default <see cref="ReconnectOptions"/>, fed the network-change signal when the cell has it.</summary>
    Reconnect,

    /// <summary>
    /// The published behaviour of the best-known SDK: the same socket backoff, the ICE ladder only on <c>failed</c>,
    /// every media connection rebuilt after a socket reconnect, and no network-change signal (<see cref="Testing.Bench.BaselinePolicy"/>).
    /// </summary>
    Baseline,
}

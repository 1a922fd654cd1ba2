namespace Reconnect.Testing.Trace;

/// <summary>One fault and how long its peer took to heal after it ended.</summary>
/// <param name="Peer">The peer the fault hit.</param>
/// <param name="Description">What the fault was (its reason, detail, remote, code, count), if anything.</param>
/// <param name="StartMs">When the fault began.</param>
/// <param name="EndMs">When it ended: its start plus its duration (its start when it has none).</param>
/// <param name="HealedAfterMs">
/// From the end to the first heal event of the same peer (or of the whole world) at or after the end, later in the trace;
/// null when there is none.
/// </param>
public sealed record FaultHeal(string Peer, string? Description, long StartMs, long EndMs, long? HealedAfterMs);

namespace Reconnect.Sim.Bench;

/// <summary>How far a bench has got.</summary>
/// <param name="Done">Runs finished.</param>
/// <param name="Total">Runs in the bench.</param>
public readonly record struct BenchRunsDone(int Done, int Total);

namespace Reconnect.Testing.Exploration;

/// <summary>A property of one run: every problem it finds, each starting with <c>SEED=0x…</c>; empty when the run passes.</summary>
public delegate IReadOnlyList<string> ExplorationProperty(RunOutcome outcome);

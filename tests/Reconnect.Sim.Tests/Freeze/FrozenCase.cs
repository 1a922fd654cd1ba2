using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Freeze;

/// <summary>One run whose trace is frozen: its key in the golden file and the scenario that replays it.</summary>
/// <param name="Key">The line key: <c>scenario NAME</c> or <c>schedule INDEX 0xSEED</c>.</param>
/// <param name="Scenario">The scenario run with its own seed.</param>
/// <param name="FromLibrary">True for a library scenario (replayed by name), false for a generated schedule.</param>
internal sealed record FrozenCase(string Key, Scenario Scenario, bool FromLibrary);

using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Testing.Exploration;

/// <summary>One finished simulation run, for a property to judge: the scenario, the world as it ended, and the result.</summary>
/// <param name="Scenario">The scenario that ran.</param>
/// <param name="World">The world after the run, for inspecting each peer's final state.</param>
/// <param name="Result">What the run reported.</param>
public sealed record RunOutcome(Scenario Scenario, SimWorld World, SimRunResult Result);

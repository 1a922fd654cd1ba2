using FsCheck;
using FsCheck.Fluent;
using Reconnect.Sim.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios;

/// <summary>The arbitrary valid scenario (<see cref="ScenarioGenerators"/>), registered with <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class ScenarioArbitraries
{
    public static Arbitrary<Scenario> Scenarios() => ScenarioGenerators.Scenarios.ToArbitrary();
}

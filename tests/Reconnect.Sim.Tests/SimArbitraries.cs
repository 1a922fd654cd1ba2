using FsCheck;
using FsCheck.Fluent;
using Reconnect.Testing.Scenarios;
using Reconnect.Sim.Tests.Scenarios;
using Reconnect.Sim.Tests.Trace;
using Reconnect.Testing.Trace;

namespace Reconnect.Sim.Tests;

/// <summary>
/// The arbitraries the simulator's properties draw from, registered with <c>[Properties(Arbitrary = ...)]</c>: trace
/// events and traces (<see cref="TraceGenerators"/>) and valid scenarios (<see cref="ScenarioGenerators"/>).
/// </summary>
public static class SimArbitraries
{
    public static Arbitrary<TraceEvent> Events() => TraceGenerators.Event.ToArbitrary();

    public static Arbitrary<List<TraceEvent>> Traces() => TraceGenerators.Trace.ToArbitrary();

    public static Arbitrary<Scenario> Scenarios() => ScenarioGenerators.Scenarios.ToArbitrary();
}

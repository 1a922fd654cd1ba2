using FsCheck;
using FsCheck.Fluent;
using Reconnect.Sim.Trace;

namespace Reconnect.Sim.Tests.Trace;

/// <summary>The arbitraries the trace properties draw from (<see cref="TraceGenerators"/>), registered with <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class TraceArbitraries
{
    public static Arbitrary<TraceEvent> Events() => TraceGenerators.Event.ToArbitrary();

    public static Arbitrary<List<TraceEvent>> Traces() => TraceGenerators.Trace.ToArbitrary();
}

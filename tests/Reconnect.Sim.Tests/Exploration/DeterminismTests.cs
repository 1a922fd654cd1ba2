using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.Exploration;

public sealed class DeterminismTests
{
    [Fact]
    public void Seed_demo_run_twice_gives_the_same_trace_hash()
    {
        var first = new SimWorld(ScenarioLibrary.SeedDemo).Run();
        var second = new SimWorld(ScenarioLibrary.SeedDemo).Run();

        Assert.Equal(first.Trace.Hash(), second.Trace.Hash());
        Assert.NotEmpty(first.Trace.Events);
    }

    [Fact]
    public void Generated_schedule_run_twice_gives_the_same_trace_hash()
    {
        var scenario = Explorer.Generate(3, 3, 0xD5, 0).ToScenario();

        var first = new SimWorld(scenario).Run();
        var second = new SimWorld(ScenarioLoader.Parse(ScenarioLoader.ToJson(scenario), "round-trip")).Run();

        Assert.Equal(first.Trace.Hash(), second.Trace.Hash());
        Assert.Contains(first.Trace.Events, e => e.Event == "fault");
    }
}

using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.World;

/// <summary>A valid scenario of A and B in one room, each publishing a camera, with the faults a test gives.</summary>
internal static class TwoPeerScenario
{
    public static Scenario With(int durationMs, params FaultSpec[] faults)
    {
        var scenario = new Scenario
        {
            Name = "two-peers",
            DurationMs = durationMs,
            RecoveryBoundMs = 60_000,
            Peers =
            [
                new PeerSpec { Name = "A", Channel = "room", Streams = [new StreamSpec { Id = "camA" }] },
                new PeerSpec { Name = "B", Channel = "room", Streams = [new StreamSpec { Id = "camB" }] },
            ],
            Timeline = faults,
        };
        Assert.Empty(ScenarioLoader.Validate(scenario));
        return scenario;
    }
}

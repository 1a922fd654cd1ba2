using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios.Builder;

/// <summary>The library scenario of the server telling the other side that a peer's signalling is away.</summary>
internal static partial class LibraryInCSharp
{
    private static Scenario PeerAway() =>
        ScenarioBuilder.Create("peer-away")
            .Describe("The other side knows. A (pinging every 5 s) has its signalling path to the server cut for 20 s at t=10 s while the media path between A and B stays up; nothing tells the server. Once A has missed a whole heartbeat (10 s of silence), inside the silence grace, the server tells B peer-away with the reason (heartbeat-missed): B shows A reconnecting at once, without waiting for its own ICE timers, and leaves the flowing media alone (no ICE restart, no rebuilt connection). When A resumes its session, B is told peer-back and A is connected again. Nobody sees a peer leave and no error is raised.")
            .Peer("A", p => p.Publishes("camA").Options(o => o with { PingIntervalMs = 5000 }))
            .Cameras("B")
            .At(TimeSpan.FromSeconds(10))
            .SignallingDrop("A", TimeSpan.FromSeconds(20))
            .Expect(e => e.NoPeerLeft())
            .Build();
}

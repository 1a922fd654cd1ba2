using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios.Builder;

/// <summary>The no-flicker library scenario.</summary>
internal static partial class LibraryInCSharp
{
    private static Scenario ReconnectingBanner() =>
        ScenarioBuilder.Create("reconnecting-banner")
            .Describe("No flicker. A goes offline for 300 ms at t=10 s: the blip heals within ReconnectingVisibleAfter (1 s), so A raises no reconnecting-visible notice. A goes offline again for 5 s at t=20 s: after 1 s in reconnecting A raises reconnecting-visible once, and reconnecting-recovered once when it is joined again; nobody sees a peer leave and no error is raised.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromMilliseconds(300))
            .At(TimeSpan.FromSeconds(20))
            .Offline("A", TimeSpan.FromSeconds(5))
            .Expect(e => e.NoPeerLeft())
            .Build();
}

using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios.Builder;

/// <summary>The library scenarios of what a user sees and does while reconnecting: no flicker, and retry now.</summary>
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

    private static Scenario RetryNow() =>
        ScenarioBuilder.Create("retry-now")
            .Describe("A (told nothing by its operating system, so connect failures are backed off up to 60 s, with the resume cap raised to match) goes offline for 40 s at t=10 s; the silence grace is raised to 120 s so the session survives. When the network returns A sits in a long backoff wait. Its app presses retry now 100 ms later: A reconnects at once and resumes inside the safety phase, keeping every identity. Without the press its wait runs past the 10 s recovery bound and the call does not heal in time. No peer leaves and no error is raised.")
            .RecoveryBound(TimeSpan.FromSeconds(10))
            .SilenceGrace(TimeSpan.FromSeconds(120))
            .Peer("A", p => p.Publishes("camA").WithoutNetworkSignals().Options(o => o with
            {
                BackoffInitialMs = 1000,
                BackoffMaxMs = 60000,
                OfflineProbe = false,
                ResumeWindowMaxMs = 60000,
            }))
            .Cameras("B")
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromSeconds(40))
            .At(TimeSpan.FromMilliseconds(50_100))
            .RetryNow("A")
            .Expect(e => e.NoPeerLeft())
            .Build();
}

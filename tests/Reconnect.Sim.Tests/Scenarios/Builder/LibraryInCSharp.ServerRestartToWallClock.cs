using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios.Builder;

internal static partial class LibraryInCSharp
{
    private static Scenario ServerRestartGraceful() =>
        ScenarioBuilder.Create("server-restart-graceful")
            .Describe("The server restarts gracefully at t=10 s: every socket gets a going-away message with a 3 s retry hint and close code 1012, and connections are refused for 5 s. Both peers wait at least the hint, reconnect, resume their sessions and reconcile; the media connection stays up throughout, with no peer-left and no error.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .ServerRestart(TimeSpan.FromSeconds(5), retryAfter: TimeSpan.FromSeconds(3))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario SignallingDropMediaSurvives() =>
        ScenarioBuilder.Create("signalling-drop-media-survives")
            .Describe("A's signalling path to the server is cut for 20 s at t=10 s while the media path between A and B stays up. A reconnects its socket and reconciles; the media connection A-B is kept, not rebuilt. Nobody sees a peer leave and no error is raised.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .SignallingDrop("A", TimeSpan.FromSeconds(20))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario SignallingImpairment() =>
        ScenarioBuilder.Create("signalling-impairment")
            .Describe("From t=10 s to t=30 s only the signalling path is bad: 1.5 s latency with 0.5 s jitter and 20 % loss, which (signalling being ordered and reliable like TCP) delays frames by retransmissions without dropping or reordering them. Slow is not dead: no reconnect, no peer-left, no error.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Latency(TimeSpan.FromMilliseconds(1500), jitter: TimeSpan.FromMilliseconds(500), plane: FaultPlane.Signalling)
            .Loss(0.2, plane: FaultPlane.Signalling)
            .At(TimeSpan.FromSeconds(30))
            .Latency(TimeSpan.FromMilliseconds(40), jitter: TimeSpan.FromMilliseconds(5), plane: FaultPlane.Signalling)
            .Loss(0, plane: FaultPlane.Signalling)
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario StillReconnecting() =>
        ScenarioBuilder.Create("still-reconnecting")
            .Describe("A goes offline for 40 s at t=10 s; the silence grace is raised to 60 s so the session survives. After 30 s in reconnecting A raises the still-reconnecting notice once, then keeps trying and resumes when the network returns, with no peer-left and no error.")
            .SilenceGrace(TimeSpan.FromSeconds(60))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromSeconds(40))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario ThreePeersFlapping() =>
        ScenarioBuilder.Create("three-peers-flapping")
            .Describe("A, B and C share the room; A drops offline for 1 s every 7 s, five times (t=5, 12, 19, 26, 33 s). Each outage heals on its own without anyone seeing a peer leave, and all three end connected pairwise with no error.")
            .Cameras("A", "B", "C")
            .At(TimeSpan.FromSeconds(5))
            .Offline("A", TimeSpan.FromSeconds(1))
            .At(TimeSpan.FromSeconds(12))
            .Offline("A", TimeSpan.FromSeconds(1))
            .At(TimeSpan.FromSeconds(19))
            .Offline("A", TimeSpan.FromSeconds(1))
            .At(TimeSpan.FromSeconds(26))
            .Offline("A", TimeSpan.FromSeconds(1))
            .At(TimeSpan.FromSeconds(33))
            .Offline("A", TimeSpan.FromSeconds(1))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario TokenExpiry() =>
        ScenarioBuilder.Create("token-expiry")
            .Describe("The server closes A's socket at t=10 s with close code 4002 token_expired. A fetches a fresh token before reconnecting (never reusing the old one), resumes its session and reconciles; the media connection stays up, with no peer-left and no error.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .TokenExpiry("A")
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario TokenFailures() =>
        ScenarioBuilder.Create("token-failures")
            .Describe("A's signalling drops for 1 s at t=10 s and its next 5 token fetches fail. Each failure counts as a failed attempt and A backs off; after 3 failures an informational notice carries the count, the sixth fetch succeeds and A resumes its session. Token failures are not errors: no error is raised and nobody sees a peer leave.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .TokenFailures("A", 5)
            .SignallingDrop("A", TimeSpan.FromSeconds(1))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario TokenHang() =>
        ScenarioBuilder.Create("token-hang")
            .Describe("A's token provider stops answering at t=9 s for its next fetch. A's signalling drops for 1 s at t=10 s; the reconnect's token fetch never returns, so the engine's 10 s fetch timeout fails it and the retry fetches a fresh token. The call heals with no error.")
            .Duration(TimeSpan.FromSeconds(40))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(9))
            .TokenHang("A", 1)
            .At(TimeSpan.FromSeconds(10))
            .SignallingDrop("A", TimeSpan.FromSeconds(1))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario TwoHourCallTenMinuteTokens() =>
        ScenarioBuilder.Create("two-hour-call-ten-minute-tokens")
            .Describe("A and B stay in a 2-hour call on tokens that expire 10 minutes after issue; the server closes a socket whose token expires with 4002. Each peer refreshes its token over the open socket ahead of expiry, so no socket is ever closed or reopened: no peer-left and no error.")
            .TokenLifetime(TimeSpan.FromMinutes(10))
            .Duration(TimeSpan.FromHours(2))
            .Cameras("A", "B")
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario WallClockJumpBackward() =>
        ScenarioBuilder.Create("wall-clock-jump-backward")
            .Describe("A's wall clock steps an hour backwards at t=10 s (an NTP correction) while its monotonic clock, timers and network run on. The engine runs on monotonic time: A's pump ignores the step with a notice and nothing changes: no reconnect, no peer-left and no error.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .WallClockJump("A", -TimeSpan.FromHours(1))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario WallClockJumpForward() =>
        ScenarioBuilder.Create("wall-clock-jump-forward")
            .Describe("A's wall clock steps an hour forwards at t=10 s (an NTP correction) while its monotonic clock, timers and network run on. At its next input A's pump sees the wall clock ahead of the monotonic clock and tells the engine it may have slept; the engine only pings its socket, the server answers, and nothing is torn down: no reconnect, no peer-left and no error.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .WallClockJump("A", TimeSpan.FromHours(1))
            .Expect(e => e.NoPeerLeft())
            .Build();
}

using Reconnect.Core.Engine;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios.Builder;

internal static partial class LibraryInCSharp
{
    private static Scenario PeerJoinsDuringOutage() =>
        ScenarioBuilder.Create("peer-joins-during-outage")
            .Describe("A goes offline for 20 s at t=10 s; C joins at t=15 s while A cannot hear it. When A is back, reconcile finds C in the roster: A sees C join once and connects to it, so all three peers end connected pairwise; nobody sees a peer leave and no error is raised.")
            .Cameras("A", "B")
            .Peer("C", p => p.JoinsLater().Publishes("camC"))
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromSeconds(20))
            .At(TimeSpan.FromSeconds(15))
            .PeerJoin("C")
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario PeerLeavesDuringOutage() =>
        ScenarioBuilder.Create("peer-leaves-during-outage")
            .Describe("A goes offline for 20 s at t=10 s; B leaves the channel at t=15 s while A cannot hear it. When A is back, reconcile finds B missing from the roster: A sees B leave exactly once, after reconcile, and closes B's media connection; no error is raised.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromSeconds(20))
            .At(TimeSpan.FromSeconds(15))
            .PeerLeave("B")
            .Expect(e => e.PeerLeftTotal(min: 1, max: 1))
            .Build();

    private static Scenario PublishUnpublishMidCall() =>
        ScenarioBuilder.Create("publish-unpublish-mid-call")
            .Describe("Mid-call stream changes: A publishes screenA at t=10 s, B publishes screenB at t=15 s, A withdraws screenA at t=20 s and publishes it again at t=25 s. Each change reaches the other side (stream-added, then stream-removed for the withdrawn one, then stream-added again); the call must bind every stream published by the end.")
            .Duration(TimeSpan.FromSeconds(40))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Publish("A", "screenA")
            .At(TimeSpan.FromSeconds(15))
            .Publish("B", "screenB")
            .At(TimeSpan.FromSeconds(20))
            .Unpublish("A", "screenA")
            .At(TimeSpan.FromSeconds(25))
            .Publish("A", "screenA")
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario RegressionCrashSleepOffline() =>
        ScenarioBuilder.Create("regression-crash-sleep-offline")
            .Describe("Found by exploration (3 peers, 4 faults, seed 0x3e02): a long server crash, then C sleeps and goes offline. Peers that resume after the crash read rosters missing peers that have not rejoined yet, with no departure record: they wait for them reconnecting instead of raising peer-left.")
            .Seed(4333013921836666578UL)
            .Channel("room-1")
            .Peer("A", p => p.Publishes("camA").Options(o => o with { RetryFirstConnect = true }))
            .Peer("B", p => p.Publishes("camB").Options(o => o with { RetryFirstConnect = true }))
            .Peer("C", p => p.Publishes("camC").Options(o => o with { RetryFirstConnect = true }))
            .At(TimeSpan.FromMilliseconds(9998))
            .ServerCrash(TimeSpan.FromMilliseconds(17234))
            .At(TimeSpan.FromMilliseconds(29314))
            .ClockJump("C", TimeSpan.FromMilliseconds(13726))
            .At(TimeSpan.FromMilliseconds(43403))
            .Offline("C", TimeSpan.FromMilliseconds(500))
            .Expect(e => e
                .NoPeerLeft()
                .Error<EvictedError>()
                .Evicted("A", "B", "C"))
            .Build();

    private static Scenario RegressionCrashThenResume() =>
        ScenarioBuilder.Create("regression-crash-then-resume")
            .Describe("Found by exploration (2 peers, 4 faults, seed 0x2e02): the server crashes, both peers rejoin as new sessions, then A changes address and resumes its new session while B has not rejoined yet. The roster A reads lists no B and the server has no record that B left (it lost its memory in the crash): A must wait for B reconnecting, not drop it as gone. No peer-left; both are told they were evicted by the crash.")
            .Seed(8520495909308327055UL)
            .Channel("room-1")
            .Peer("A", p => p.Publishes("camA").Options(o => o with { RetryFirstConnect = true, BackoffInitialMs = 387 }))
            .Peer("B", p => p.Publishes("camB").Options(o => o with { RetryFirstConnect = true }))
            .At(TimeSpan.FromMilliseconds(36127))
            .ServerCrash(TimeSpan.FromMilliseconds(1894))
            .At(TimeSpan.FromMilliseconds(39308))
            .IpChange("A")
            .Expect(e => e
                .NoPeerLeft()
                .Error<EvictedError>()
                .Evicted("A", "B"))
            .Build();

    private static Scenario RegressionLateJoiner() =>
        ScenarioBuilder.Create("regression-late-joiner")
            .Describe("Found by an outside tester (issue 6): B joins 97 ms after A. A's first roster snapshot, taken before B joined (version 1), reaches A in the same instant as the newer peer-joined B (version 2) and, applied after it, used to remove B as 'left': B's offers were then held for an unknown peer until they expired and the call never connected. With roster versions the older snapshot never undoes the newer join: nobody sees a peer leave and the call heals.")
            .Seed(24UL)
            .Duration(TimeSpan.FromSeconds(10))
            .Cameras("A")
            .Peer("B", p => p.JoinsAt(TimeSpan.FromMilliseconds(97)).Publishes("camB"))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario RegressionOfflineBeforeFirstRoster() =>
        ScenarioBuilder.Create("regression-offline-before-first-roster")
            .Describe("Found by explore (SEED=0x3daaac22a077c937): A goes offline 48 ms after its welcome, before its first roster answer, while its offers to B and C are in flight. The reconnect must still rebuild the never-connected connections (built under the old socket) instead of keeping them; the call heals and nobody exhausts a ladder.")
            .Seed(4443553247075486007UL)
            .Channel("room-1")
            .Peer("A", p => p.Publishes("camA").Options(o => o with { RetryFirstConnect = true }))
            .Peer("B", p => p.Publishes("camB").Options(o => o with { RetryFirstConnect = true }))
            .Peer("C", p => p.Publishes("camC").Options(o => o with { RetryFirstConnect = true }))
            .At(TimeSpan.FromMilliseconds(256))
            .Offline("A", TimeSpan.FromMilliseconds(15020))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario RegressionPublishDuringServerRestart() =>
        ScenarioBuilder.Create("regression-publish-during-server-restart")
            .Describe("A publishes screenA 1 ms before a graceful server restart swallows the publish message. B's connection carries screenA before any roster announces it, and B reconnects first with a roster that lacks it: B must hold the stream unbound (no stream-added, so no stream-removed) and bind it once A's resume announces it. Found with seed 4 on an earlier build; seeds 2, 6, 7, 10 and 12 fail without the rule.")
            .Seed(2UL)
            .Duration(TimeSpan.FromSeconds(30))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Publish("A", "screenA")
            .At(TimeSpan.FromMilliseconds(10001))
            .ServerRestart(TimeSpan.FromSeconds(5))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario ReplaceTrackDuringOutage() =>
        ScenarioBuilder.Create("replace-track-during-outage")
            .Describe("A is offline from t=10 s to t=30 s, past ICE consent's 15 s bound, so the old media connection fails and is rebuilt after the outage; its app switches camA to another camera (replace-track camA-front) at t=15 s, mid-outage. The rebuilt connection must send the new track: the call only counts as healed when it does.")
            .Duration(TimeSpan.FromSeconds(40))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromSeconds(20))
            .At(TimeSpan.FromSeconds(15))
            .ReplaceTrack("A", "camA", "camA-front")
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario SeedDemo() =>
        ScenarioBuilder.Create("seed-demo")
            .Describe("The demo: A and B share room-42, each publishing a camera. A goes offline for 5 s at t=10 s. The call heals inside the server's silence grace: A resumes its session, nobody sees a peer leave and no error is raised.")
            .Duration(TimeSpan.FromSeconds(30))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromSeconds(5))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario ServerCrash() =>
        ScenarioBuilder.Create("server-crash")
            .Describe("The server process dies at t=10 s: every socket is reset without a going-away message, every session is lost, and connections are refused for 3 s. Each peer's resume is refused, so each is told it was evicted and rejoins as a new session; the server kept no record that the old sessions ended, so each keeps the other's RemotePeer (one peer-joined each, no peer-left): only the connection is rebuilt.")
            .Duration(TimeSpan.FromSeconds(30))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .ServerCrash(TimeSpan.FromSeconds(3))
            .Expect(e => e
                .NoPeerLeft()
                .PeerJoined("A", 1)
                .PeerJoined("B", 1)
                .Error<EvictedError>()
                .Evicted("A", "B"))
            .Build();

    private static Scenario ServerKickCapacity() =>
        ScenarioBuilder.Create("server-kick-capacity")
            .Describe("The server drops A at t=10 s with close code 4006 over_capacity. The code is not terminal: A waits at least the 30 s capacity floor before retrying, its old session is gone so it is told it was evicted and rejoins as new, and the call heals with A and B connected again.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .ServerKick("A", 4006)
            .Expect(e => e
                .PeerLeftTotal(min: 1)
                .Error<EvictedError>()
                .Evicted("A"))
            .Build();

    private static Scenario ServerKickTerminal() =>
        ScenarioBuilder.Create("server-kick-terminal")
            .Describe("An operator removes A at t=10 s with close code 4005 admin_disconnect. The code is terminal: A raises TerminalCloseError (code 4005) once, never retries and ends closed. B sees A leave exactly once, as kicked, and stays in the channel alone.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .ServerKick("A", 4005)
            .Expect(e => e
                .PeerLeftTotal(min: 1, max: 1)
                .PeerLeft("B", new PeerCount { Exactly = 1, Remote = "A", Reason = "kicked" })
                .Error<TerminalCloseError>()
                .Closed("A")
                .TerminalErrorCode(4005))
            .Build();
}

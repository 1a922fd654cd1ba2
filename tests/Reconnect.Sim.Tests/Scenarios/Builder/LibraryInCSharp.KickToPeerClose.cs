using Reconnect.Core.Engine;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios.Builder;

internal static partial class LibraryInCSharp
{
    private static Scenario KickWhileAway() =>
        ScenarioBuilder.Create("kick-while-away")
            .Describe("A goes offline for 20 s at t=10 s; at t=15 s, while A is away, an operator kicks it with 4005 admin_disconnect. The kick stands: when A is back its resume is refused with that same code, so A raises TerminalCloseError once and ends closed; it is never told it was evicted and never rejoins as a new session. B sees A leave exactly once (kicked).")
            .Duration(TimeSpan.FromSeconds(40))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromSeconds(20))
            .At(TimeSpan.FromSeconds(15))
            .ServerKick("A", 4005)
            .Expect(e => e
                .PeerLeftTotal(min: 1, max: 1)
                .Error<TerminalCloseError>()
                .Closed("A"))
            .Build();

    private static Scenario LadderExhausted() =>
        ScenarioBuilder.Create("ladder-exhausted")
            .Describe("The media path between A and B is cut for 170 s at t=10 s while both keep signalling. Each side runs the whole ICE restart ladder (9 attempts over about 121 s, then the last attempt's 15 s timeout) and raises IceRestartExhausted, then escalates instead of giving up: a fresh connection at about 147 s and a socket resume at about 167 s (both while the cut lasts), then a rejoin as a new session at about 197 s, which heals the pair. Each side keeps its RemotePeer through every step; the other side sees the rejoined peer leave as replaced and join again (the server's rule for a new session under a live peer id).")
            .Duration(TimeSpan.FromSeconds(200))
            .RecoveryBound(TimeSpan.FromSeconds(30))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Partition("A", "B", TimeSpan.FromSeconds(170))
            .Expect(e => e
                .PeerLeftTotal(min: 2, max: 2)
                .PeerLeft("A", new PeerCount { Exactly = 1, Reason = "replaced" })
                .PeerLeft("B", new PeerCount { Exactly = 1, Reason = "replaced" })
                .Error<IceRestartExhausted>())
            .Build();

    private static Scenario LatencySpike() =>
        ScenarioBuilder.Create("latency-spike")
            .Describe("Every link's latency rises from 40 ms to 800 ms (jitter 200 ms) at t=10 s and falls back to 40 ms (jitter 5 ms) at t=25 s. Slow is not dead: no socket is declared dead, nobody sees a peer leave and no error is raised.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Latency(TimeSpan.FromMilliseconds(800), jitter: TimeSpan.FromMilliseconds(200))
            .At(TimeSpan.FromSeconds(25))
            .Latency(TimeSpan.FromMilliseconds(40), jitter: TimeSpan.FromMilliseconds(5))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario LossyLink() =>
        ScenarioBuilder.Create("lossy-link")
            .Describe("From t=5 s every link drops 5 % of packets. Retransmission and retries absorb the loss: the call stays up or heals by itself, nobody sees a peer leave and no error is raised.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(5))
            .Loss(0.05)
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario FrozenMedia() =>
        ScenarioBuilder.Create("frozen-media")
            .Describe("At t=10 s A's inbound media from B freezes while ICE stays connected on both sides (frames still keep ICE consent but stop counting), with no end of its own: only the library can repair it. A's frozen-media watchdog sees the counts stand still for 5 s, restarts ICE, and the new pair carries media again: frames flow both ways with the same RemotePeer objects, the socket never reconnects, nobody sees a peer leave and no error is raised.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .MediaFreeze("A", "B")
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario MediaDropSignallingUp() =>
        ScenarioBuilder.Create("media-drop-signalling-up")
            .Describe("The media path between A and B drops for 10 s at t=10 s while both keep signalling. The ICE restart ladder restores it over the still-open sockets; the socket never reconnects, nobody sees a peer leave and no error is raised.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .MediaDrop("A", TimeSpan.FromSeconds(10), "B")
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario NestedOutages() =>
        ScenarioBuilder.Create("nested-outages")
            .Describe("Faults nest: A is offline from t=10 s to t=40 s, and a second outage inside it lasts from t=15 s to t=20 s. The inner one ending does not end the outer one: A stays offline until t=40 s, then heals.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromSeconds(30))
            .At(TimeSpan.FromSeconds(15))
            .Offline("A", TimeSpan.FromSeconds(5))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario OfflineLongInsideGrace() =>
        ScenarioBuilder.Create("offline-long-inside-grace")
            .Describe("A goes offline for 30 s at t=10 s, still inside the 45 s silence grace. A keeps reconnecting with backoff and resumes its session when the network returns; B never sees A leave, the A-B media connection is restored, no error is raised.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromSeconds(30))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario OfflinePastGraceEviction() =>
        ScenarioBuilder.Create("offline-past-grace-eviction")
            .Describe("A goes offline for 90 s at t=10 s, past the 45 s silence grace. The server evicts A's session and tells B that A left; when A is back its resume is refused, it raises EvictedError and rejoins as a new session, and the call heals with A and B connected again.")
            .Duration(TimeSpan.FromSeconds(120))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromSeconds(90))
            .Expect(e => e
                .PeerLeftTotal(min: 1)
                .Error<EvictedError>()
                .Evicted("A"))
            .Build();

    private static Scenario OneWayLoss() =>
        ScenarioBuilder.Create("one-way-loss")
            .Describe("For 20 s at t=10 s 90 % of A's media packets to B are lost while B's reach A whole. The call rides it out without anyone leaving.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .OneWayLoss("A", 0.9, TimeSpan.FromSeconds(20), other: "B", direction: FaultDirection.Outbound, plane: FaultPlane.Media)
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario OneWayPartition() =>
        ScenarioBuilder.Create("one-way-partition")
            .Describe("For 20 s at t=10 s A's packets to B vanish while B's reach A. B stops hearing A and runs its ICE restart ladder; A still hears B. When the path returns the connection recovers; nobody leaves.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .OneWayPartition("A", "B", TimeSpan.FromSeconds(20))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario OneWayPartitionToServer() =>
        ScenarioBuilder.Create("one-way-partition-to-server")
            .Describe("For 30 s at t=10 s A's packets to the server vanish while the server's reach A. A's pings go unanswered and its 15 s liveness timer closes the socket; its connects time out until the path returns, then it resumes its session (the silence grace of 45 s is not reached). No peer-left, no error.")
            .Duration(TimeSpan.FromSeconds(90))
            .Peer("A", p => p.Publishes("camA").Options(o => o with { LivenessTimeoutMs = 15000, PingIntervalMs = 5000 }))
            .Cameras("B")
            .At(TimeSpan.FromSeconds(10))
            .OneWayPartition("A", "server", TimeSpan.FromSeconds(30))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario PartitionBetweenPeers() =>
        ScenarioBuilder.Create("partition-between-peers")
            .Describe("The media path between A and B is partitioned for 20 s at t=10 s while both keep signalling. Both run the ICE restart ladder over signalling; the path heals and the media connection reconnects, with no socket reconnect, no peer-left and no error.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Partition("A", "B", TimeSpan.FromSeconds(20))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario PeerClose() =>
        ScenarioBuilder.Create("peer-close")
            .Describe("B's app closes its call at t=10 s. B tells the server it leaves before its socket closes, and ends closed without raising an error; A sees B leave exactly once, at once (reason left, not network-disconnect after the grace), and closes B's media connection rather than retrying it forever.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .PeerClose("B")
            .Expect(e => e.PeerLeftTotal(min: 1, max: 1).Closed("B"))
            .Build();
}

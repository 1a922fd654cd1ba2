using Reconnect.Core.Engine;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios.Builder;

internal static partial class LibraryInCSharp
{
    private static Scenario Blackhole() =>
        ScenarioBuilder.Create("blackhole")
            .Describe("Every packet of A vanishes both ways for 70 s at t=10 s, with no local error and no close: A's socket stays open on both ends. Only timers notice: B's ICE consent fails and its restart ladder starts, the server's 45 s silence grace evicts A's session (B sees A leave once), A's 60 s liveness timer closes its socket; once the blackhole ends A is told it was evicted and rejoins as a new session.")
            .Duration(TimeSpan.FromSeconds(120))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Blackhole("A", TimeSpan.FromSeconds(70))
            .Expect(e => e
                .PeerJoined("B", 2)
                .PeerLeft("B", new PeerCount { Exactly = 1, Remote = "A", Reason = "network-disconnect" })
                .Error<EvictedError>()
                .Evicted("A"))
            .Build();

    private static Scenario Blackhole30sRestartOffers() =>
        ScenarioBuilder.Create("blackhole-30s-restart-offers")
            .Describe("Every packet of A vanishes both ways for 30 s at t=5 s, past ICE consent's 15 s failure bound, while both signalling sockets stay open but stalled. Both sides' restart ladders send a restart offer on each attempt; none arrives, and they all arrive together, in order, when the stalled sockets retransmit after the path returns. Every offer carries its offer sequence and every answer echoes it, so each side applies only the answer to its newest offer and ignores the stale ones: both sides end on matching ICE credentials and heal on that first delivery, not on a later ladder attempt.")
            .Duration(TimeSpan.FromMilliseconds(35001))
            .RecoveryBound(TimeSpan.FromSeconds(300))
            .Channel("bench-room")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(5))
            .Blackhole("A", TimeSpan.FromSeconds(30))
            .Expect(e => e
                .NoPeerLeft()
                .PeerJoined("A", 1)
                .PeerJoined("B", 1))
            .Build();

    private static Scenario BlackholeDuringIceRestart() =>
        ScenarioBuilder.Create("blackhole-during-ice-restart")
            .Describe("Every packet of A vanishes both ways for 15 s at t=5 s, just inside ICE consent's 15 s failure bound. Both sides go disconnected and their restart ladders send restart offers that cannot arrive. The previous selected pair stays selected through the restart (RFC 8445 section 12.1) and keeps running consent, so when the path returns its consent succeeds again, ICE goes back to connected without the restart's answer and the ladder stops; the late offers and answers are then settled by the negotiation rules without breaking the call.")
            .Duration(TimeSpan.FromSeconds(40))
            .Channel("bench-room")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(5))
            .Blackhole("A", TimeSpan.FromSeconds(15))
            .Expect(e => e
                .NoPeerLeft()
                .PeerJoined("A", 1)
                .PeerJoined("B", 1))
            .Build();

    private static Scenario BlackholeSignalling() =>
        ScenarioBuilder.Create("blackhole-signalling")
            .Describe("A's signalling plane alone is blackholed for 25 s at t=10 s; media keeps flowing. Nothing tells A: its 15 s liveness timer (pings every 5 s) closes the silent socket, connects fail while the blackhole lasts, and A resumes its session within the server's grace. No peer-left, no error, and the media connection is never rebuilt.")
            .Peer("A", p => p.Publishes("camA").Options(o => o with { LivenessTimeoutMs = 15000, PingIntervalMs = 5000 }))
            .Cameras("B")
            .At(TimeSpan.FromSeconds(10))
            .Blackhole("A", TimeSpan.FromSeconds(25), FaultPlane.Signalling)
            .Expect(e => e
                .NoPeerLeft()
                .PeerJoined("A", 1)
                .PeerJoined("B", 1))
            .Build();

    private static Scenario BothOfflinePastGrace() =>
        ScenarioBuilder.Create("both-offline-past-grace")
            .Describe("A and B both go offline at t=10 s, A for 90 s and B for 95 s, past the 45 s silence grace. The server evicts both sessions while nobody is there to hear it. Each rejoins as a new session and learns from the roster's memory of departures why the other's old session ended: every peer-left reason is network-disconnect, never left or replaced, and the call heals.")
            .Duration(TimeSpan.FromSeconds(120))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromSeconds(90))
            .Offline("B", TimeSpan.FromSeconds(95))
            .Expect(e => e
                .PeerLeftTotal(min: 2, max: 2)
                .Error<EvictedError>()
                .Evicted("A", "B"))
            .Build();

    private static Scenario ClockJump() =>
        ScenarioBuilder.Create("clock-jump")
            .Describe("A's laptop sleeps for 20 s at t=10 s: nothing on A runs and A learns nothing until it wakes (no input reaches its engine while it sleeps; frames sent to it wait, as TCP retransmits them). On wake its pump tells the engine it slept before anything else; the engine pings its socket instead of waiting out the liveness timeout, the overdue timers and the waiting frames follow, and the call heals inside the silence grace with no peer-left and no error.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .ClockJump("A", TimeSpan.FromSeconds(20))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario EvictedStop() =>
        ScenarioBuilder.Create("evicted-stop")
            .Describe("A is set to stop after an eviction. A goes offline for 90 s at t=10 s, past the 45 s silence grace; when it is back its resume is refused, it raises EvictedError once and ends closed instead of rejoining. B sees A leave exactly once.")
            .Duration(TimeSpan.FromSeconds(120))
            .Peer("A", p => p.Publishes("camA").Options(o => o with { OnEvicted = EvictionChoice.Stop }))
            .Cameras("B")
            .At(TimeSpan.FromSeconds(10))
            .Offline("A", TimeSpan.FromSeconds(90))
            .Expect(e => e
                .PeerLeftTotal(min: 1, max: 1)
                .Error<EvictedError>()
                .Closed("A")
                .Evicted("A"))
            .Build();

    private static Scenario ExpiredToken() =>
        ScenarioBuilder.Create("expired-token")
            .Describe("A's token provider hands out already-expired tokens for its next two fetches. After a 300 ms signalling drop at t=10 s the server refuses both with 4002 token_expired; the engine retries with a fresh token each time and resumes. No error, no peer-left.")
            .Duration(TimeSpan.FromSeconds(40))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(9))
            .ExpiredToken("A", 2)
            .At(TimeSpan.FromSeconds(10))
            .SignallingDrop("A", TimeSpan.FromMilliseconds(300))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario ExpiredTokensTerminal() =>
        ScenarioBuilder.Create("expired-tokens-terminal")
            .Describe("A's token provider hands out only expired tokens after a 300 ms signalling drop at t=10 s: the server refuses three fresh tokens in a row with 4002 token_expired, and the third refusal is terminal. A surfaces a TerminalCloseError with 4002 and closes; B sees A leave once when the server's grace runs out.")
            .Duration(TimeSpan.FromSeconds(90))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(9))
            .ExpiredToken("A", 100)
            .At(TimeSpan.FromSeconds(10))
            .SignallingDrop("A", TimeSpan.FromMilliseconds(300))
            .Expect(e => e
                .PeerLeft("B", new PeerCount { Exactly = 1, Remote = "A", Reason = "network-disconnect" })
                .Error<TerminalCloseError>()
                .Closed("A")
                .TerminalErrorCode(4002))
            .Build();

    private static Scenario FirstConnectFailsFast() =>
        ScenarioBuilder.Create("first-connect-fails-fast")
            .Describe("The server refuses connections for the first 10 s and A does not retry a failed first connect: A raises FirstConnectFailed and stays idle. A's join was dropped, so the call does not heal (B alone is not the call the scenario asked for): healed false.")
            .Duration(TimeSpan.FromSeconds(30))
            .Cameras("A")
            .Peer("B", p => p.JoinsAt(TimeSpan.FromSeconds(15)).Publishes("camB"))
            .ServerRestart(TimeSpan.FromSeconds(10))
            .Expect(e => e.NotHealed().Error<FirstConnectFailed>())
            .Build();

    private static Scenario FirstConnectServerDown() =>
        ScenarioBuilder.Create("first-connect-server-down")
            .Describe("The server refuses connections for the first 5 s. Both peers set retryFirstConnect, so the failed first connect is retried with backoff like a reconnect instead of failing fast; both join once the server is up and the call forms, with no error.")
            .Peer("A", p => p.Publishes("camA").Options(o => o with { RetryFirstConnect = true }))
            .Peer("B", p => p.Publishes("camB").Options(o => o with { RetryFirstConnect = true }))
            .ServerRestart(TimeSpan.FromSeconds(5))
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario IpChangeWifiToCellular() =>
        ScenarioBuilder.Create("ip-change-wifi-to-cellular")
            .Describe("A moves from Wi-Fi to cellular at t=10 s: every path it had dies at once and the new address works at once. The address-change signal makes A reconnect its socket and restart ICE right away instead of waiting for timeouts; the call heals with no peer-left and no error.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .IpChange("A")
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario AddressSignalOnAWorkingPath() =>
        ScenarioBuilder.Create("address-signal-on-a-working-path")
            .Describe("A's operating system reports an address change at t=10 s while every path keeps working (a VPN or a second interface came up). A restarts ICE on its connection to B; the path still works, so ICE stays connected throughout and no ICE state tells the heal: the completed restart exchange does, and B is connected again for A within moments. No peer leaves, no error, identities kept.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .AddressSignal("A")
            .Expect(e => e.NoPeerLeft())
            .Build();

    private static Scenario JoinDuringLeave() =>
        ScenarioBuilder.Create("join-during-leave")
            .Describe("A's app leaves room-42 at t=10 s and, in the same instant, joins it again. The join is queued while A is leaving, never dropped: B sees A leave once (left), then A joins again as a new session and the call heals, with no error.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .PeerLeave("A")
            .PeerJoin("A")
            .Expect(e => e.PeerLeftTotal(min: 1, max: 1))
            .Build();

    private static Scenario Escalation() =>
        ScenarioBuilder.Create("escalation")
            .Describe("The media path between A and B is cut for 150 s at t=10 s while both keep signalling: it stays broken past the ICE restart ladder (9 attempts, then the last attempt's 15 s timeout, spent at about 147 s). Each side raises IceRestartExhausted and escalates instead of closing the peer: a fresh connection (a new generation) at about 147 s, which cannot connect while the cut lasts, then, its 20 s bound passed, a socket resume at about 167 s: the session is resumed within the server's grace and the reconcile rebuilds the broken connection, which connects. Nobody sees a peer leave; each RemotePeer keeps its identity.")
            .Duration(TimeSpan.FromSeconds(200))
            .RecoveryBound(TimeSpan.FromSeconds(30))
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .Partition("A", "B", TimeSpan.FromSeconds(150))
            .Expect(e => e
                .NoPeerLeft()
                .Error<IceRestartExhausted>())
            .Build();
}

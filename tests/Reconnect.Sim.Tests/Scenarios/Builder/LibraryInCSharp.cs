using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios.Builder;

/// <summary>Every library scenario of <c>scenarios/</c> written again with <see cref="ScenarioBuilder"/>, by name.</summary>
internal static partial class LibraryInCSharp
{
    public static IReadOnlyDictionary<string, Func<Scenario>> ByName { get; } = new SortedDictionary<string, Func<Scenario>>(StringComparer.Ordinal)
    {
        ["blackhole"] = Blackhole,
        ["blackhole-30s-restart-offers"] = Blackhole30sRestartOffers,
        ["blackhole-during-ice-restart"] = BlackholeDuringIceRestart,
        ["blackhole-signalling"] = BlackholeSignalling,
        ["both-offline-past-grace"] = BothOfflinePastGrace,
        ["clock-jump"] = ClockJump,
        ["escalation"] = Escalation,
        ["data-channel-reopen"] = DataChannelReopen,
        ["evicted-stop"] = EvictedStop,
        ["expired-token"] = ExpiredToken,
        ["expired-tokens-terminal"] = ExpiredTokensTerminal,
        ["first-connect-fails-fast"] = FirstConnectFailsFast,
        ["first-connect-server-down"] = FirstConnectServerDown,
        ["frozen-media"] = FrozenMedia,
        ["ip-change-wifi-to-cellular"] = IpChangeWifiToCellular,
        ["address-signal-on-a-working-path"] = AddressSignalOnAWorkingPath,
        ["join-during-leave"] = JoinDuringLeave,
        ["kick-while-away"] = KickWhileAway,
        ["ladder-exhausted"] = LadderExhausted,
        ["latency-spike"] = LatencySpike,
        ["lossy-link"] = LossyLink,
        ["media-drop-signalling-up"] = MediaDropSignallingUp,
        ["media-verb-fails-heal"] = MediaVerbFailsHeal,
        ["nested-outages"] = NestedOutages,
        ["offline-long-inside-grace"] = OfflineLongInsideGrace,
        ["offline-past-grace-eviction"] = OfflinePastGraceEviction,
        ["one-way-loss"] = OneWayLoss,
        ["one-way-partition"] = OneWayPartition,
        ["one-way-partition-to-server"] = OneWayPartitionToServer,
        ["partition-between-peers"] = PartitionBetweenPeers,
        ["peer-away"] = PeerAway,
        ["peer-close"] = PeerClose,
        ["peer-joins-during-outage"] = PeerJoinsDuringOutage,
        ["peer-leaves-during-outage"] = PeerLeavesDuringOutage,
        ["publish-unpublish-mid-call"] = PublishUnpublishMidCall,
        ["reconnecting-banner"] = ReconnectingBanner,
        ["regression-crash-sleep-offline"] = RegressionCrashSleepOffline,
        ["regression-crash-then-resume"] = RegressionCrashThenResume,
        ["regression-late-joiner"] = RegressionLateJoiner,
        ["regression-offline-before-first-roster"] = RegressionOfflineBeforeFirstRoster,
        ["regression-publish-during-server-restart"] = RegressionPublishDuringServerRestart,
        ["replace-track-during-outage"] = ReplaceTrackDuringOutage,
        ["retry-now"] = RetryNow,
        ["seed-demo"] = SeedDemo,
        ["server-crash"] = ServerCrash,
        ["server-kick-capacity"] = ServerKickCapacity,
        ["server-kick-terminal"] = ServerKickTerminal,
        ["server-restart-graceful"] = ServerRestartGraceful,
        ["signalling-drop-media-survives"] = SignallingDropMediaSurvives,
        ["signalling-impairment"] = SignallingImpairment,
        ["still-reconnecting"] = StillReconnecting,
        ["three-peers-flapping"] = ThreePeersFlapping,
        ["token-expiry"] = TokenExpiry,
        ["token-failures"] = TokenFailures,
        ["token-hang"] = TokenHang,
        ["two-hour-call-ten-minute-tokens"] = TwoHourCallTenMinuteTokens,
        ["wall-clock-jump-backward"] = WallClockJumpBackward,
        ["wall-clock-jump-forward"] = WallClockJumpForward,
    };

    /// <summary>Adds peers that each publish one camera named <c>cam</c> and the peer's name, as most library scenarios do.</summary>
    private static ScenarioBuilder Cameras(this ScenarioBuilder scenario, params string[] peers) =>
        peers.Aggregate(scenario, (built, peer) => built.Peer(peer, p => p.Publishes("cam" + peer)));
}

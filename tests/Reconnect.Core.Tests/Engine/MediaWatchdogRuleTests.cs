using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Core.Engine;
using Reconnect.Core.Ports;

namespace Reconnect.Core.Tests.Engine;

public sealed class MediaWatchdogRuleTests
{
    private static readonly TimeSpan FrozenAfter = new MediaWatchdogOptions().FrozenAfter;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>A joins with B, who announces a camera (or nothing), and B's media connects.</summary>
    private static EngineHarness ConnectedTo(bool publishes = true, ReconnectOptions? options = null)
    {
        var b = publishes ? EngineHarness.Peer("B", null, null, "camB") : EngineHarness.Peer("B");
        var h = new EngineHarness(options ?? EngineHarness.LongLivedSocket).Join("A", "room", b);
        h.MediaConnected("B");
        return h;
    }

    private static IReadOnlyList<EngineOutput> Flow(EngineHarness h, long frames, long bytes = 0, int? generation = null, string remote = "B") =>
        h.Feed(new MediaFlowReported(remote, generation ?? h.Remote(remote).Generation, frames, bytes));

    /// <summary>Reports the same counts once a second for <paramref name="seconds"/> seconds, the first now; returns what the reports produced.</summary>
    private static List<EngineOutput> StandStill(EngineHarness h, int seconds, long frames = 100, int? generation = null, string remote = "B")
    {
        var produced = new List<EngineOutput>();
        for (var i = 0; i <= seconds; i++)
        {
            if (i > 0)
            {
                h.Advance(Second);
            }

            produced.AddRange(Flow(h, frames, 0, generation, remote));
        }

        return produced;
    }

    [Fact]
    public void Connected_media_standing_still_for_FrozenAfter_starts_the_ice_restart_ladder_with_a_notice()
    {
        var h = ConnectedTo();
        var reference = h.Remote("B").Ref;

        StandStill(h, (int)FrozenAfter.TotalSeconds);

        var frozen = Assert.Single(h.All<MediaFrozenNotice>());
        Assert.Equal(new MediaFrozenNotice("B", reference, 1, FrozenAfter), frozen);
        Assert.Equal(1, Assert.Single(h.All<IceRestartStartedNotice>()).Attempt);
        Assert.Equal(h.All<CreateOffer>().Last(), h.RestartOffers().Last());
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        Assert.Equal(1, h.Remote("B").LadderAttempt);
        Assert.Equal("inbound media frozen", h.RemoteChanges("B").Last().Reason);
        Assert.Equal(1, h.Engine.Coverage[CoverageMarks.MediaFrozen]);
    }

    [Fact]
    public void Frozen_media_moving_again_after_the_restart_reconnects_the_same_remote_peer_and_is_watched_afresh()
    {
        var h = ConnectedTo();
        var reference = h.Remote("B").Ref;
        StandStill(h, (int)FrozenAfter.TotalSeconds);
        h.Advance(Second);
        Flow(h, 100);
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);

        Flow(h, 101);

        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
        Assert.Equal("media flowing again", h.RemoteChanges("B").Last().Reason);
        Assert.Equal(reference, h.Remote("B").Ref);
        Assert.Equal(1, h.Remote("B").Generation);
        for (var frames = 102; frames < 160; frames++)
        {
            h.Advance(Second);
            Flow(h, frames);
        }

        Assert.Single(h.All<MediaFrozenNotice>());
        Assert.Equal(0, h.Remote("B").LadderAttempt);
    }

    /// <summary>
    /// After a freeze at 100 frames, each drawn report either falls back to lower counts (the browser restarted its
    /// counters: Chromium does when it rebuilds a receive stream), stands still, or moves forward from the counts last
    /// seen. The peer reconnects exactly at the first report that moves forward, never on a fall.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Counts_that_fall_after_a_freeze_are_a_fresh_counter_and_only_counts_moving_forward_from_them_thaw(NonEmptyArray<byte> draws)
    {
        var h = ConnectedTo();
        StandStill(h, (int)FrozenAfter.TotalSeconds);
        long frames = 100, bytes = 0;
        var steps = new List<string>();
        foreach (var draw in draws.Get)
        {
            var forward = draw % 3 == 2;
            if (forward)
            {
                frames += 1;
                bytes += 1_000;
            }
            else if (draw % 3 == 0)
            {
                frames = frames > 0 ? draw / 3 % frames : 0;
                bytes = bytes > 0 ? draw * 997L % bytes : 0;
            }

            steps.Add($"{(forward ? "forward" : "report")}({frames},{bytes})");
            Flow(h, frames, bytes);
            var expected = forward ? RemotePeerState.Connected : RemotePeerState.Reconnecting;
            if (h.Remote("B").State != expected)
            {
                return false.Label($"after {string.Join(" ", steps)}: {h.Remote("B").State}, expected {expected}");
            }

            if (forward)
            {
                return (h.RemoteChanges("B").Last().Reason == "media flowing again").Label(string.Join(" ", steps));
            }
        }

        return true.ToProperty();
    }

    [Fact]
    public void Counts_moving_while_reconnecting_for_another_cause_leave_the_reconnect_to_ice()
    {
        var h = ConnectedTo();
        Flow(h, 100);
        h.Ice("B", IceConnectionState.Failed);

        Flow(h, 150);

        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
    }

    [Fact]
    public void Media_that_advances_is_never_judged_frozen()
    {
        var h = ConnectedTo();
        for (var frames = 1; frames <= 120; frames++)
        {
            Flow(h, frames);
            h.Advance(Second);
        }

        Assert.Empty(h.All<MediaFrozenNotice>());
        Assert.Empty(h.All<IceRestartStartedNotice>());
        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
    }

    [Fact]
    public void Bytes_advancing_without_frames_keep_the_media_alive_as_audio_does()
    {
        var h = ConnectedTo();
        for (var bytes = 1; bytes <= 30; bytes++)
        {
            Flow(h, frames: 0, bytes: bytes * 1_000);
            h.Advance(Second);
        }

        Assert.Empty(h.All<MediaFrozenNotice>());
    }

    [Fact]
    public void A_remote_announcing_no_stream_is_never_judged_frozen()
    {
        var h = ConnectedTo(publishes: false);

        StandStill(h, 60, frames: 0);

        Assert.Empty(h.All<MediaFrozenNotice>());
        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
    }

    [Fact]
    public void Reports_for_a_stale_generation_or_an_unknown_peer_are_dropped_without_a_notice()
    {
        var h = ConnectedTo();

        Assert.Empty(StandStill(h, 30, generation: 7));
        Assert.Empty(StandStill(h, 30, generation: 1, remote: "Z"));
        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
    }

    [Fact]
    public void Media_is_judged_frozen_at_FrozenAfter_and_not_a_millisecond_before()
    {
        var h = ConnectedTo();
        Flow(h, 100);

        h.Advance(FrozenAfter - TimeSpan.FromMilliseconds(1));
        Flow(h, 100);
        Assert.Empty(h.All<MediaFrozenNotice>());

        h.Advance(TimeSpan.FromMilliseconds(1));
        Flow(h, 100);
        Assert.Single(h.All<MediaFrozenNotice>());
    }

    [Fact]
    public void A_disabled_watchdog_never_judges_media_frozen()
    {
        var h = ConnectedTo(options: EngineHarness.LongLivedSocket with { MediaWatchdog = new() { Enabled = false } });

        StandStill(h, 60);

        Assert.Empty(h.All<MediaFrozenNotice>());
        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
    }

    [Fact]
    public void Time_spent_not_connected_does_not_count_toward_a_freeze()
    {
        var h = ConnectedTo();
        StandStill(h, 3);
        h.Ice("B", IceConnectionState.Disconnected);
        StandStill(h, 1);
        h.MediaConnected("B");

        StandStill(h, (int)FrozenAfter.TotalSeconds - 1);
        Assert.Empty(h.All<MediaFrozenNotice>());

        h.Advance(Second);
        Flow(h, 100);
        Assert.Single(h.All<MediaFrozenNotice>());
    }

    [Fact]
    public void A_configured_FrozenAfter_is_the_bound()
    {
        var h = ConnectedTo(options: EngineHarness.LongLivedSocket with { MediaWatchdog = new() { FrozenAfter = TimeSpan.FromSeconds(2) } });

        StandStill(h, 2);

        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(h.All<MediaFrozenNotice>()).StalledFor);
    }
}

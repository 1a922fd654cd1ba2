using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Server.Signalling;
using Reconnect.Testing.Time;

namespace Reconnect.Server.Tests;

/// <summary>
/// A connection's frame budget (a token bucket: <c>MaxFrameBurst</c> at once, refilled at <c>MaxFramesPerSecond</c>), in
/// virtual time: a mesh's bursts within the supported room are accepted whatever their pace, and a sustained flood over
/// the rate is refused exactly when the bucket runs dry.
/// </summary>
public sealed class FrameRateRuleTests
{
    /// <summary>The supported mesh room (the default <c>MaxFrameBurst</c>'s documentation): 12 peers, so 11 remote ones.</summary>
    private const int MaxRemotePeers = 11;

    /// <summary>The most ICE candidates one connection gathers in one generation (interfaces, IPv4 and IPv6, UDP and TCP, reflexive, relays).</summary>
    private const int MaxCandidates = 30;

    private static readonly ReconnectServerOptions Defaults = new();

    /// <summary>
    /// What a page sends at once when it joins a mesh of <paramref name="remotePeers"/> (or restarts ICE on every connection):
    /// an offer or answer and every candidate to each remote peer, with the join, a publish, a roster request and a ping.
    /// </summary>
    private static int MeshBurst(int remotePeers, int candidates) => 4 + (remotePeers * (1 + candidates));

    [Property]
    public Property A_mesh_burst_within_the_supported_room_is_accepted_at_any_pace(PositiveInt peers, PositiveInt candidates, NonNegativeInt[] gapsMs)
    {
        var (n, m) = (1 + ((peers.Get - 1) % MaxRemotePeers), 1 + ((candidates.Get - 1) % MaxCandidates));
        var time = new VirtualTimeProvider();
        var rate = new FrameRate(Defaults.MaxFramesPerSecond, Defaults.MaxFrameBurst, time);

        var refused = SendBurst(rate, time, MeshBurst(n, m), gapsMs);

        return (refused is null).Label($"{n} remote peers x {m} candidates ({MeshBurst(n, m)} frames, gaps {string.Join(",", gapsMs.Select(g => g.Get % 200))} ms): frame {refused} refused");
    }

    [Property]
    public Property A_second_mesh_burst_once_the_first_has_refilled_is_accepted(PositiveInt peers, PositiveInt candidates, NonNegativeInt laterMs)
    {
        var (n, m) = (1 + ((peers.Get - 1) % MaxRemotePeers), 1 + ((candidates.Get - 1) % MaxCandidates));
        var time = new VirtualTimeProvider();
        var rate = new FrameRate(Defaults.MaxFramesPerSecond, Defaults.MaxFrameBurst, time);
        var join = MeshBurst(n, m);
        var restart = n * (1 + m);

        var joinRefused = SendBurst(rate, time, join, []);
        time.RunFor(TimeSpan.FromSeconds((double)join / Defaults.MaxFramesPerSecond) + TimeSpan.FromMilliseconds(laterMs.Get % 60_000));
        var restartRefused = SendBurst(rate, time, restart, []);

        return (joinRefused is null && restartRefused is null)
            .Label($"{n} remote peers x {m} candidates: join burst refused at {joinRefused}, ICE restart burst refused at {restartRefused}");
    }

    [Property]
    public Property A_sustained_flood_over_the_rate_is_refused_exactly_when_the_bucket_runs_dry(PositiveInt perSecond, PositiveInt burst, PositiveInt over)
    {
        var r = 1 + ((perSecond.Get - 1) % 1_000);
        var b = 1 + ((burst.Get - 1) % 2_000);
        var interval = FloodInterval(r, over.Get);
        var time = new VirtualTimeProvider();
        var rate = new FrameRate(r, b, time);
        var expected = FirstRefused(r, b, interval);

        long? refused = null;
        for (long k = 1; k <= expected + 1 && refused is null; k++)
        {
            if (k > 1)
            {
                time.RunFor(TimeSpan.FromTicks(interval));
            }

            refused = rate.Allow() ? null : k;
        }

        return (refused == expected).Label($"{r}/s, burst {b}, a frame every {interval} ticks ({(double)TimeSpan.TicksPerSecond / interval:F2}/s): refused at frame {refused}, the bucket runs dry at {expected}");
    }

    [Fact]
    public void A_flood_refused_once_is_refused_for_as_long_as_it_lasts_and_the_budget_comes_back_after_a_pause()
    {
        var time = new VirtualTimeProvider();
        var rate = new FrameRate(Defaults.MaxFramesPerSecond, Defaults.MaxFrameBurst, time);

        var sent = Enumerable.Range(0, Defaults.MaxFrameBurst).Count(_ => rate.Allow());
        var refusedAtOnce = !rate.Allow();
        time.RunFor(TimeSpan.FromSeconds((double)Defaults.MaxFrameBurst / Defaults.MaxFramesPerSecond));
        var refilled = Enumerable.Range(0, Defaults.MaxFrameBurst).Count(_ => rate.Allow());

        Assert.Equal(Defaults.MaxFrameBurst, sent);
        Assert.True(refusedAtOnce, "the frame after a full burst was accepted");
        Assert.Equal(Defaults.MaxFrameBurst, refilled);
        Assert.False(rate.Allow(), "the frame after the refilled burst was accepted");
    }

    /// <summary>Sends <paramref name="frames"/> frames, the gaps (cycled, each under 200 ms) between them; the first refused frame (1-based), or null.</summary>
    private static int? SendBurst(FrameRate rate, VirtualTimeProvider time, int frames, NonNegativeInt[] gapsMs)
    {
        for (var i = 0; i < frames; i++)
        {
            if (i > 0 && gapsMs.Length > 0)
            {
                time.RunFor(TimeSpan.FromMilliseconds(gapsMs[i % gapsMs.Length].Get % 200));
            }

            if (!rate.Allow())
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>A flood's pace: from twice <paramref name="perSecond"/> to a hundred times it, in whole ticks.</summary>
    private static long FloodInterval(int perSecond, int over)
    {
        var slowest = TimeSpan.TicksPerSecond / (2L * perSecond);
        var fastest = Math.Max(1, TimeSpan.TicksPerSecond / (100L * perSecond));
        return fastest + (over % Math.Max(1, slowest - fastest + 1));
    }

    /// <summary>
    /// The token bucket's answer for a flood from a full bucket, a frame every <paramref name="interval"/> ticks: frame k
    /// (sent at (k - 1) intervals) finds a token while k &lt;= burst + perSecond x its time, so the first refused is the
    /// least k with k x 1 s &gt; burst x 1 s + perSecond x (k - 1) x interval.
    /// </summary>
    private static long FirstRefused(int perSecond, int burst, long interval)
    {
        var k = (long)burst + 1;
        while (k * TimeSpan.TicksPerSecond <= (burst * TimeSpan.TicksPerSecond) + (perSecond * (k - 1) * interval))
        {
            k++;
        }

        return k;
    }
}

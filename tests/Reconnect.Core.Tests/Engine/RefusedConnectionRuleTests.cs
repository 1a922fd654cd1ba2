using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// A refused connection is the server's answer that it cannot resume the session now, so the resume window's cap on
/// the backoff does not apply after it; a failure that says nothing about the server keeps the cap.
/// </summary>
public sealed class RefusedConnectionRuleTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Ping = new HeartbeatOptions().PingInterval;
    private static readonly TimeSpan CappedDelay = TimeSpan.FromSeconds(2) * 1.2;
    private static readonly TimeSpan Window = Ping + Grace;

    /// <summary>The failures that say nothing about the server.</summary>
    public enum SilentFailure
    {
        /// <summary>The socket opened, then reset before the welcome.</summary>
        Reset,

        /// <summary>The port's connect timed out (a blackhole).</summary>
        ConnectTimeout,

        /// <summary>The socket opened but no welcome came in time.</summary>
        WelcomeTimeout,

        /// <summary>The token provider never answered.</summary>
        TokenTimeout,
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(7UL)]
    [InlineData(0xC0FFEEUL)]
    public void After_refusals_the_delays_grow_as_the_published_backoff_inside_the_resume_window(ulong seed)
    {
        var capped = RefusedFor(TimeSpan.FromSeconds(60), Grace, seed);
        var uncapped = RefusedFor(TimeSpan.FromSeconds(60), grace: null, seed);

        var lostAt = capped.Timed<LocalStateChangedNotice>().First(c => c.Output.To == LocalPeerState.Reconnecting).At;
        var inWindow = capped.Timed<SocketRetryScheduledNotice>().Where(r => r.At < lostAt + Window).Select(r => r.Output.Delay).ToList();
        var asPublished = uncapped.All<SocketRetryScheduledNotice>().Select(r => r.Delay).Take(inWindow.Count).ToList();

        Assert.Equal(asPublished, inWindow);
        Assert.Contains(inWindow, d => d > TimeSpan.FromSeconds(15));
        Assert.True(inWindow.Count <= 8, $"SEED=0x{seed:x}: {inWindow.Count} retries in 60 s of refusals");
    }

    [Theory]
    [InlineData(SilentFailure.Reset)]
    [InlineData(SilentFailure.ConnectTimeout)]
    [InlineData(SilentFailure.WelcomeTimeout)]
    [InlineData(SilentFailure.TokenTimeout)]
    public void A_failure_that_says_nothing_about_the_server_brings_the_cap_back_after_refusals(SilentFailure failure)
    {
        var h = RefusedFor(TimeSpan.FromSeconds(3), Grace);
        var lostAt = h.Timed<LocalStateChangedNotice>().First(c => c.Output.To == LocalPeerState.Reconnecting).At;
        Assert.Contains(h.All<SocketRetryScheduledNotice>(), r => r.Delay > CappedDelay);
        var refusedUntil = h.Now;

        while (h.Now < lostAt + (Window - TimeSpan.FromSeconds(5)))
        {
            Fail(h, failure);
        }

        var delays = h.Timed<SocketRetryScheduledNotice>().Where(r => r.At > refusedUntil && r.At < lostAt + Window).Select(r => r.Output.Delay).ToList();
        Assert.True(delays.Count >= 3, $"only {delays.Count} retries after the {failure}s");
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, CappedDelay));
    }

    [Fact]
    public void Network_unreachable_after_refusals_probes_within_the_cap()
    {
        var options = new ReconnectOptions { Backoff = new SocketBackoffOptions { OfflineProbeInterval = TimeSpan.FromSeconds(30) } };
        var h = RefusedFor(TimeSpan.FromSeconds(3), Grace, options: options);
        h.AwaitAttempt();
        h.AnswerToken();

        h.SocketUnreachable();
        var gaps = h.OfflineProbeGaps(6);

        Assert.All(gaps, g => Assert.InRange(g, TimeSpan.Zero, CappedDelay));
    }

    [Fact]
    public void A_retry_hint_is_honoured_and_the_refusals_after_it_back_off_past_the_cap()
    {
        var h = new EngineHarness { AnnouncedGrace = Grace }.Join("A", "room", EngineHarness.Peer("B"));
        h.ServerSends(new GoingAwayMessage(20_000));
        h.DropSocket(CloseCodes.ServiceRestart);
        var droppedAt = h.Now;
        Assert.Equal(TimeSpan.FromSeconds(20), h.Last<SocketRetryScheduledNotice>().Delay);
        var hinted = h.Checkpoint;

        h.RefuseNextAttempt();
        Assert.Equal(droppedAt + TimeSpan.FromSeconds(20), h.Timed<FetchToken>().Last().At);
        while (h.Now < droppedAt + TimeSpan.FromSeconds(50))
        {
            h.RefuseNextAttempt();
        }

        var afterHint = h.Since<SocketRetryScheduledNotice>(hinted).Select(r => r.Delay).ToList();
        Assert.Contains(afterHint, d => d > CappedDelay);
        Assert.True(afterHint.Zip(afterHint.Skip(1)).Count(p => p.Second > p.First) >= 2, string.Join(", ", afterHint));
    }

    /// <summary>Joins under a server announcing <paramref name="grace"/>, drops (a reset), then has every attempt refused for <paramref name="span"/>.</summary>
    private static EngineHarness RefusedFor(TimeSpan span, TimeSpan? grace, ulong seed = 1, ReconnectOptions? options = null)
    {
        var h = new EngineHarness(options, seed) { AnnouncedGrace = grace }.Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        var until = h.Now + span;
        while (h.Now < until)
        {
            h.RefuseNextAttempt();
        }

        return h;
    }

    private static void Fail(EngineHarness h, SilentFailure failure)
    {
        h.AwaitAttempt();
        switch (failure)
        {
            case SilentFailure.Reset:
                h.AnswerToken();
                h.OpenSocket();
                h.DropSocket(CloseCodes.Abnormal);
                break;
            case SilentFailure.ConnectTimeout:
                h.AnswerToken();
                h.DropSocket(CloseCodes.Abnormal);
                break;
            case SilentFailure.WelcomeTimeout:
                h.AnswerToken();
                h.OpenSocket();
                h.AdvanceUntil<SocketRetryScheduledNotice>(TimeSpan.FromMinutes(1));
                break;
            case SilentFailure.TokenTimeout:
                h.AdvanceUntil<SocketRetryScheduledNotice>(TimeSpan.FromMinutes(1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown failure.");
        }
    }
}

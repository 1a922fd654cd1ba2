using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Policies;

/// <summary>The circumstances of a retry, drawn over the interesting ranges (the floors and flaps included).</summary>
public static class RetryArbitraries
{
    public static Arbitrary<RetryCircumstances> Circumstances() =>
        (from failed in Gen.Choose(0, 120)
         from flaps in Gen.Frequency((3, Gen.Constant(0)), (5, Gen.Choose(1, 12)))
         from overCapacity in Gen.Elements(false, true)
         from hintMs in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(-5_000, 0)), (3, Gen.Choose(1, 120_000)))
         from mayResume in Gen.Elements(false, true)
         from refused in Gen.Elements(false, true)
         select new RetryCircumstances(failed, flaps, overCapacity, TimeSpan.FromMilliseconds(hintMs), mayResume, refused))
        .ToArbitrary();
}

[Properties(Arbitrary = [typeof(BackoffArbitraries), typeof(RetryArbitraries)])]
public sealed class SocketRetryPolicyTests
{
    private static readonly ReconnectOptions Options = new();

    private static readonly SocketRetryPolicy Policy = new(Options);

    private static readonly SocketBackoffOptions Backoff = Options.Backoff;

    private static double Ms(TimeSpan span) => span.TotalMilliseconds;

    private static RetryCircumstances Plain(int failed = 1, int flaps = 0) => new(failed, flaps, false, TimeSpan.Zero, false, false);

    [Property]
    public Property The_wait_is_never_below_the_capacity_floor_or_the_running_server_hint(RetryCircumstances c, UnitSample u)
    {
        var wait = Policy.NextRetry(c, u.Value).Delay;
        var capacity = c.OverCapacity ? Backoff.CapacityFloor : TimeSpan.Zero;
        return (wait >= capacity && wait >= c.ServerHintLeft).Label($"{c} wait={Ms(wait)} ms");
    }

    [Property]
    public Property Without_a_floor_the_wait_never_exceeds_the_cap_and_in_the_resume_window_its_cap(RetryCircumstances c, UnitSample u)
    {
        var unfloored = c with { OverCapacity = false, ServerHintLeft = TimeSpan.Zero };
        var wait = Policy.NextRetry(unfloored, u.Value).Delay;
        var cap = unfloored.SessionMayResume && !unfloored.LastAttemptRefused ? Backoff.ResumeWindowMaxDelay : Backoff.MaxDelay;
        return (Ms(wait) <= Math.Round(Ms(cap) * (1 + Backoff.JitterFraction))).Label($"{unfloored} wait={Ms(wait)} ms cap={Ms(cap)} ms");
    }

    [Property]
    public Property More_flaps_never_shorten_the_wait(RetryCircumstances c, UnitSample u)
    {
        var fewer = Policy.NextRetry(c, u.Value).Delay;
        var more = Policy.NextRetry(c with { Flaps = c.Flaps + 1 }, u.Value).Delay;
        return (fewer <= more).Label($"{c} flaps {c.Flaps} -> {Ms(fewer)} ms, {c.Flaps + 1} -> {Ms(more)} ms");
    }

    [Fact]
    public void Flaps_count_as_backoff_steps_and_damp_from_the_second_one()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), Policy.NextRetry(Plain(failed: 0), 0.5).Delay);
        Assert.Equal(TimeSpan.FromMilliseconds(500), Policy.NextRetry(Plain(failed: 1), 0.5).Delay);
        Assert.Equal(new RetryWait(TimeSpan.FromMilliseconds(1_000), false, false), Policy.NextRetry(Plain(failed: 1, flaps: 1), 0.5));
        Assert.Equal(new RetryWait(TimeSpan.FromMilliseconds(2_000), false, true), Policy.NextRetry(Plain(failed: 1, flaps: 2), 0.5));
    }

    [Fact]
    public void The_larger_of_the_capacity_floor_and_a_running_server_hint_floors_the_wait()
    {
        var overCapacity = Plain() with { OverCapacity = true };
        Assert.Equal(new RetryWait(Backoff.CapacityFloor, false, false), Policy.NextRetry(overCapacity, 0.5));
        Assert.Equal(new RetryWait(Backoff.CapacityFloor, true, false), Policy.NextRetry(overCapacity with { ServerHintLeft = TimeSpan.FromSeconds(5) }, 0.5));
        Assert.Equal(new RetryWait(TimeSpan.FromSeconds(50), true, false), Policy.NextRetry(overCapacity with { ServerHintLeft = TimeSpan.FromSeconds(50) }, 0.5));
        Assert.Equal(new RetryWait(TimeSpan.FromMilliseconds(500), false, false), Policy.NextRetry(Plain() with { ServerHintLeft = -TimeSpan.FromSeconds(1) }, 0.5));
    }

    [Fact]
    public void The_resume_window_caps_the_wait_unless_the_server_refused_the_last_attempt()
    {
        Assert.Equal(Backoff.ResumeWindowMaxDelay, Policy.Ceiling(sessionMayResume: true, lastAttemptRefused: false));
        Assert.Null(Policy.Ceiling(sessionMayResume: true, lastAttemptRefused: true));
        Assert.Null(Policy.Ceiling(sessionMayResume: false, lastAttemptRefused: false));
        var late = Plain(failed: 9);
        Assert.Equal(TimeSpan.FromSeconds(2), Policy.NextRetry(late with { SessionMayResume = true }, 0.5).Delay);
        Assert.Equal(TimeSpan.FromSeconds(30), Policy.NextRetry(late with { SessionMayResume = true, LastAttemptRefused = true }, 0.5).Delay);
    }

    [Fact]
    public void Offline_probes_come_fast_early_in_the_outage_then_at_the_steady_spacing_never_later_than_the_backoff()
    {
        var steady = Backoff.OfflineProbeInterval!.Value;
        Assert.Equal(TimeSpan.FromMilliseconds(200), Policy.NextOfflineProbe(5, TimeSpan.FromSeconds(3), steady, null, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(1), Policy.NextOfflineProbe(5, Backoff.OfflineFastProbeWindow, steady, null, 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(500), Policy.NextOfflineProbe(1, Backoff.OfflineFastProbeWindow, steady, null, 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(100), Policy.NextOfflineProbe(1, TimeSpan.Zero, TimeSpan.FromMilliseconds(100), null, 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(240), Policy.NextOfflineProbe(5, TimeSpan.Zero, steady, null, BackoffArbitraries.JustBelowOne));
    }

    [Property]
    public Property An_offline_probe_never_waits_longer_than_the_jittered_steady_spacing(RetryNumber probe, UnitSample u)
    {
        var steady = Backoff.OfflineProbeInterval!.Value;
        var wait = Policy.NextOfflineProbe(probe.Value, TimeSpan.FromMinutes(1), steady, null, u.Value);
        return (wait > TimeSpan.Zero && Ms(wait) <= Ms(steady) * (1 + Backoff.JitterFraction)).Label($"{probe} {u} wait={Ms(wait)} ms");
    }

    [Fact]
    public void A_server_hint_is_honoured_only_when_positive_and_cut_to_the_survivable_outage_of_an_announced_grace()
    {
        Assert.Null(Policy.HonouredServerHint(null, null));
        Assert.Null(Policy.HonouredServerHint(0, null));
        Assert.Null(Policy.HonouredServerHint(-5, TimeSpan.FromSeconds(45)));
        Assert.Equal(TimeSpan.FromMinutes(5), Policy.HonouredServerHint(300_000, null));
        var grace = TimeSpan.FromSeconds(45);
        var survivable = OutageGuarantee.Survivable(Options, grace);
        Assert.Equal(TimeSpan.FromSeconds(5), Policy.HonouredServerHint(5_000, grace));
        Assert.Equal(survivable, Policy.HonouredServerHint(300_000, grace));
        Assert.Equal(TimeSpan.Zero, Policy.HonouredServerHint(300_000, TimeSpan.FromSeconds(1)));
    }
}

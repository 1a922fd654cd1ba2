using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Core.Policies;
using Reconnect.Core.Time;

namespace Reconnect.Core.Tests.Policies;

/// <summary>When the token in use is refreshed, and when a failed refresh is tried again.</summary>
[Properties(Arbitrary = [typeof(BackoffArbitraries)])]
public sealed class TokenRefreshScheduleTests
{
    private static readonly TokenProviderOptions Defaults = new();

    [Fact]
    public void Defaults_refresh_a_minute_before_expiry_with_up_to_20_percent_earlier_and_retry_from_1_s_to_30_s()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), Defaults.RefreshLead);
        Assert.Equal(0.2, Defaults.RefreshJitterFraction);
        Assert.Equal(TimeSpan.FromSeconds(1), Defaults.RefreshRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), Defaults.RefreshRetryMaxDelay);
        Assert.Equal(3, Defaults.ExpiredTokenCloseLimit);
    }

    [Fact]
    public void A_ten_minute_token_is_refreshed_between_72_and_60_seconds_before_it_expires()
    {
        var fetched = Instant.FromMilliseconds(5_000);
        var expires = fetched + TimeSpan.FromMinutes(10);

        Assert.Equal(expires + TimeSpan.FromSeconds(-60), TokenRefreshSchedule.RefreshAt(fetched, expires, Defaults, 0.0));
        Assert.Equal(expires + TimeSpan.FromSeconds(-66), TokenRefreshSchedule.RefreshAt(fetched, expires, Defaults, 0.5));
    }

    [Property]
    public Property Every_refresh_falls_after_the_fetch_and_before_the_expiry_whatever_the_lifetime(PositiveInt lifetimeMs, UnitSample u)
    {
        var fetched = Instant.FromMilliseconds(1_000);
        var lifetime = TimeSpan.FromMilliseconds(lifetimeMs.Get);
        var expires = fetched + lifetime;
        var at = TokenRefreshSchedule.RefreshAt(fetched, expires, Defaults, u.Value);
        var lead = lifetime < Defaults.RefreshLead * 2 ? lifetime / 2 : Defaults.RefreshLead;

        return (at > fetched && at < expires && expires - at >= lead && expires - at <= lead * (1 + Defaults.RefreshJitterFraction))
            .Label($"lifetime {lifetime}, u={u.Value}: refresh at {at}, fetched {fetched}, expires {expires}");
    }

    [Fact]
    public void A_token_that_is_already_expired_is_refreshed_at_once()
    {
        var fetched = Instant.FromMilliseconds(9_000);

        Assert.Equal(fetched, TokenRefreshSchedule.RefreshAt(fetched, Instant.FromMilliseconds(8_000), Defaults, 0.7));
        Assert.Equal(fetched, TokenRefreshSchedule.RefreshAt(fetched, fetched, Defaults, 0.7));
    }

    [Fact]
    public void Failed_refreshes_wait_1_2_4_8_16_then_30_seconds()
    {
        var now = Instant.FromMilliseconds(0);
        var never = Instant.Never;

        var waits = Enumerable.Range(1, 8).Select(n => TokenRefreshSchedule.RetryAt(now, n, never, Defaults)!.Value - now).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], waits.Select(w => w.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(30), TokenRefreshSchedule.RetryAt(now, int.MaxValue, never, Defaults)!.Value - now);
    }

    [Property]
    public Property A_retry_is_scheduled_only_before_the_expiry(PositiveInt failures, PositiveInt leftMs)
    {
        var now = Instant.FromMilliseconds(50_000);
        var expires = now + TimeSpan.FromMilliseconds(leftMs.Get % 120_000);
        var retry = TokenRefreshSchedule.RetryAt(now, failures.Get, expires, Defaults);
        var wait = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(failures.Get - 1, 30)), 30));

        return (retry is null ? now + wait >= expires : retry == now + wait && retry < expires)
            .Label($"failures {failures.Get}, expires {expires}: retry {retry?.ToString() ?? "none"}");
    }

    [Fact]
    public void A_failure_count_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TokenRefreshSchedule.RetryAt(Instant.Zero, 0, Instant.Never, Defaults));
    }
}

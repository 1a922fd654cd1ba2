using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Options;

public sealed class OutageGuaranteeTests
{
    [Fact]
    public void Defaults_under_a_45_s_grace_survive_any_outage_shorter_than_31_6_s()
    {
        Assert.Equal(TimeSpan.FromSeconds(31.6), OutageGuarantee.Survivable(new ReconnectOptions(), TimeSpan.FromSeconds(45)));
    }

    [Fact]
    public void The_longer_of_the_token_and_welcome_timeouts_and_the_jittered_resume_delay_come_off_the_grace()
    {
        var options = new ReconnectOptions
        {
            Token = new TokenProviderOptions { FetchTimeout = TimeSpan.FromSeconds(15) },
            Heartbeat = new HeartbeatOptions { WelcomeTimeout = TimeSpan.FromSeconds(5) },
            Backoff = new SocketBackoffOptions { ResumeWindowMaxDelay = TimeSpan.FromSeconds(4), JitterFraction = 0.5 },
        };

        Assert.Equal(TimeSpan.FromSeconds(60 - 15 - 6 - 1), OutageGuarantee.Survivable(options, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void A_grace_too_short_for_one_reconnect_guarantees_nothing()
    {
        Assert.True(OutageGuarantee.Survivable(new ReconnectOptions(), TimeSpan.FromSeconds(10)) <= TimeSpan.Zero);
    }
}

using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Policies;

/// <summary>The wake rule alone: lost time, an open socket, and how long it has been silent.</summary>
public sealed class WakePolicyTests
{
    private static readonly TimeSpan Liveness = TimeSpan.FromSeconds(30);

    private static WakeDecision Decide(double sleptS, bool up, double silentS) =>
        WakePolicy.Decide(TimeSpan.FromSeconds(sleptS), up, TimeSpan.FromSeconds(silentS), Liveness);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    public void No_lost_time_does_nothing_even_with_a_socket_silent_past_the_timeout(double sleptS)
    {
        Assert.Equal(WakeDecision.NothingLost, Decide(sleptS, true, 60));
    }

    [Fact]
    public void Without_an_open_socket_there_is_nothing_to_probe()
    {
        Assert.Equal(WakeDecision.NoSocketToProbe, Decide(5, false, 60));
    }

    [Fact]
    public void An_open_socket_silent_for_the_liveness_timeout_or_longer_is_dead_otherwise_probed()
    {
        Assert.Equal(WakeDecision.DeadAcrossSleep, Decide(5, true, 30));
        Assert.Equal(WakeDecision.DeadAcrossSleep, Decide(5, true, 31));
        Assert.Equal(WakeDecision.Probe, Decide(5, true, 29.999));
    }
}

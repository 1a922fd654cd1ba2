
namespace Reconnect.Channel.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_45s_silence_1000_connections_per_account_500_per_roster()
    {
        var options = new ChannelServerOptions();

        Assert.Equal(TimeSpan.FromSeconds(45), options.SilenceGrace);
        Assert.Equal(1000, options.MaxConnectionsPerAccount);
        Assert.Equal(500, options.RosterCapacity);
        Assert.Same(options, options.Validate());
    }

    [Fact]
    public void Invalid_options_throw_listing_every_failure()
    {
        var options = new ChannelServerOptions { SilenceGrace = TimeSpan.Zero, MaxConnectionsPerAccount = 0, RosterCapacity = -1 };

        var ex = Assert.Throws<ArgumentException>(() => new ChannelServer(options, new SimTokenValidator()));

        Assert.Contains("SilenceGrace", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConnectionsPerAccount", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RosterCapacity", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_going_backwards_is_a_bug_and_throws()
    {
        var driver = new ServerDriver();
        driver.Advance(TimeSpan.FromSeconds(5));
        driver.Open(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => driver.Server.Handle(Core.Time.Instant.FromMilliseconds(1000), new ConnectionClosed(1)));
    }
}

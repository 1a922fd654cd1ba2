
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

        var ex = Assert.Throws<ArgumentException>(() => new ChannelServer(options, new LiteralTokenValidator()));

        Assert.Contains("SilenceGrace", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConnectionsPerAccount", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RosterCapacity", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Session_ids_start_with_the_instance_prefix_so_a_restarted_server_reuses_none()
    {
        var first = new ServerDriver();
        var restarted = new ServerDriver(new ChannelServerOptions { SessionIdPrefix = "r1-s" });

        var before = first.OpenAndJoin(1, "room", "alice");
        var after = restarted.OpenAndJoin(1, "room", "alice");

        Assert.Equal("s1", before);
        Assert.Equal("r1-s1", after);
    }

    [Fact]
    public void An_empty_session_id_prefix_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ChannelServer(new ChannelServerOptions { SessionIdPrefix = string.Empty }, new LiteralTokenValidator()));

        Assert.Contains("SessionIdPrefix", ex.Message, StringComparison.Ordinal);
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

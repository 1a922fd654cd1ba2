using FsCheck;
using FsCheck.Fluent;
using Reconnect.Browser.Page;

namespace Reconnect.Browser.Unit.Tests.Page;

/// <summary>What the page's address asks for (the contract's query parameters), read back as written.</summary>
public sealed class PageSettingsRuleTests
{
    [Fact]
    public void Any_room_and_name_escaped_into_the_query_read_back_unchanged()
    {
        Prop.ForAll(ArbMap.Default.GeneratorFor<NonEmptyString>().Two().ToArbitrary(), pair =>
            {
                var (room, name) = (pair.Item1.Get, pair.Item2.Get);
                var settings = PageSettings.Parse($"?room={Uri.EscapeDataString(room)}&name={Uri.EscapeDataString(name)}&autojoin=1&relay=1");

                Assert.Equal((room, name, true, true), (settings.Room, settings.Name, settings.AutoJoin, settings.RelayOnly));
            })
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("", "", "guest", false, false)]
    [InlineData("?room=r", "r", "guest", false, false)]
    [InlineData("?room=r&name=&autojoin=0&relay=true", "r", "guest", false, false)]
    [InlineData("?autojoin=1", "", "guest", true, false)]
    public void Missing_or_other_values_mean_no_room_the_guest_name_and_off(string query, string room, string name, bool autoJoin, bool relay)
    {
        var settings = PageSettings.Parse(query);

        Assert.Equal((room, name, autoJoin, relay, (Uri?)null), (settings.Room, settings.Name, settings.AutoJoin, settings.RelayOnly, settings.Signal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/", "ws://127.0.0.1:5080/signal")]
    [InlineData("https://call.example:8443/", "wss://call.example:8443/signal")]
    public void The_signalling_endpoint_is_the_page_origins_signal_path_over_websocket(string origin, string expected)
    {
        Assert.Equal(new Uri(expected), PageSettings.Parse("?room=r").SignalEndpoint(new Uri(origin)));
    }

    [Theory]
    [InlineData("ws%3A%2F%2F127.0.0.1%3A9000%2Fsignal", "ws://127.0.0.1:9000/signal")]
    [InlineData("not%20a%20url", null)]
    public void A_signal_override_is_taken_when_it_is_an_absolute_url(string escaped, string? expected)
    {
        var settings = PageSettings.Parse("?signal=" + escaped);

        Assert.Equal(expected is null ? null : new Uri(expected), settings.Signal);
        Assert.Equal(new Uri(expected ?? "ws://origin.test/signal"), settings.SignalEndpoint(new Uri("http://origin.test/")));
    }
}

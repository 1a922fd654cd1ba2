using Reconnect.Browser.Tests.Hosting;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>A page address the page cannot use (an unknown <c>policy</c>) stops the page with the reason shown on it, not only on the console.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageAddressTests(BrowserWorld world)
{
    [Fact]
    public async Task An_unknown_policy_stops_the_page_with_the_reason_on_the_page()
    {
        var context = await world.Chromium.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(world.Server.BaseUri, "/?room=demo&autojoin=1&policy=bogus").ToString());

        var reason = page.Locator("#event-log li", new() { HasText = "did not start" });
        await reason.WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(
            "the page's address is wrong, so it did not start: Unknown policy 'bogus': the page knows 'reconnect' and 'baseline'.",
            (await reason.InnerTextAsync()).Trim());
        Assert.Equal("not started", await page.Locator("#local-state").InnerTextAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.reconnectCall?.ready === true"));
    }
}

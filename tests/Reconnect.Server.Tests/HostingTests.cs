using System.Net;
using Microsoft.Extensions.Options;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Server.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task A_stopping_server_sends_every_client_going_away_with_its_retry_hint_then_the_retryable_restart_close()
    {
        var server = await LiveServer.StartAsync(("ShutdownRetryHint", "00:00:02"));
        await using var _ = server;
        using var joined = await server.JoinedAsync("alice");
        using var waiting = await RawClient.ConnectAsync(server.SignalUri, server.Token("bob"));

        var stopping = server.StopAsync();
        var (joinedCode, joinedBefore) = await joined.ClosedAsync();
        var (waitingCode, waitingBefore) = await waiting.ClosedAsync();
        await stopping;

        Assert.Equal(CloseCodes.ServiceRestart, joinedCode);
        Assert.Equal(CloseCodes.ServiceRestart, waitingCode);
        Assert.False(CloseCodePolicy.Classify(joinedCode).IsTerminal);
        Assert.Equal(2000, Assert.IsType<GoingAwayMessage>(Assert.Single(joinedBefore)).RetryAfterMs);
        Assert.Equal(2000, Assert.IsType<GoingAwayMessage>(Assert.Single(waitingBefore)).RetryAfterMs);
    }

    [Theory]
    [InlineData("MaxFramesPerSecond", "0")]
    [InlineData("MaxFrameBurst", "0")]
    [InlineData("SigningKey", "c2hvcnQ=")]
    [InlineData("SilenceGrace", "00:00:00")]
    [InlineData("MaxFrameBytes", "10")]
    [InlineData("MaxFrameBytes", "262145")]
    [InlineData("UpgradeTimeout", "00:00:00")]
    [InlineData("OutboundQueueCapacity", "399")]
    public async Task A_setting_out_of_range_stops_the_server_from_starting(string key, string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => LiveServer.StartAsync((key, value)));

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dev_token_endpoint_is_absent_outside_development_unless_enabled()
    {
        await using var production = await LiveServer.StartAsync("Production");
        await using var enabled = await LiveServer.StartAsync("Production", ("DevTokens", "true"));

        Assert.Equal(HttpStatusCode.NotFound, await PostTokenAsync(production));
        Assert.Equal(HttpStatusCode.OK, await PostTokenAsync(enabled));
    }

    private static async Task<HttpStatusCode> PostTokenAsync(LiveServer server)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var body = new StringContent("""{"account":"alice"}""", System.Text.Encoding.UTF8, "application/json");
        return (await http.PostAsync(new Uri("/dev/token", UriKind.Relative), body, TestContext.Current.CancellationToken)).StatusCode;
    }

    [Theory]
    [InlineData("""{"account":"alice","lifetimeSeconds":86400}""", 200)]
    [InlineData("""{"account":"alice","lifetimeSeconds":86401}""", 400)]
    [InlineData("""{"account":"alice","lifetimeSeconds":-60}""", 200)]
    [InlineData("""{"lifetimeSeconds":60}""", 400)]
    public async Task The_dev_token_endpoint_caps_the_lifetime_at_one_day_and_needs_an_account(string request, int status)
    {
        await using var server = await LiveServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        using var body = new StringContent(request, System.Text.Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri("/dev/token", UriKind.Relative), body, TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
    }
}

using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Reconnect.Core.Engine;
using Reconnect.Transports.Tests.WebSockets.Support;

namespace Reconnect.Transports.Tests.Client;

/// <summary>
/// The token provider's answers as the engine sees them: a failure because this host is offline is a local outage, as
/// the socket port reports it; a grant's expiry becomes how long the token stays valid; a bad grant is a failed fetch.
/// </summary>
public sealed class TokenProviderPortTests
{
    public static TheoryData<string, bool> Failures => new()
    {
        { "network unreachable", true },
        { "name not resolved", true },
        { "connection refused", false },
        { "provider bug", false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_fetch_is_a_local_outage_only_when_the_network_or_name_resolution_is_down(string failure, bool localOutage)
    {
        Exception error = failure switch
        {
            "network unreachable" => new HttpRequestException(HttpRequestError.ConnectionError, failure, new SocketException((int)SocketError.NetworkUnreachable)),
            "name not resolved" => new HttpRequestException(HttpRequestError.NameResolutionError, failure),
            "connection refused" => new HttpRequestException(HttpRequestError.ConnectionError, failure, new SocketException((int)SocketError.ConnectionRefused)),
            _ => new InvalidOperationException(failure),
        };
        var sink = new RecordingSink();
        using var port = new TokenProviderPort(new DelegateTokenProvider(_ => ValueTask.FromException<TokenGrant>(error)), sink, TimeProvider.System, NullLogger.Instance);

        port.Fetch(9);

        var failed = await sink.NextAsync<TokenFetchFailed>();
        Assert.Equal((9L, localOutage), (failed.Attempt, failed.NetworkUnreachable));
    }

    [Theory]
    [InlineData(600)]
    [InlineData(1)]
    [InlineData(-30)]
    public async Task A_grants_expiry_becomes_how_long_the_token_stays_valid_from_the_fetch(int seconds)
    {
        var clock = new Reconnect.Testing.Time.VirtualTimeProvider();
        var grant = new TokenGrant("t") { ExpiresAt = clock.GetUtcNow() + TimeSpan.FromSeconds(seconds) };
        var sink = new RecordingSink();
        using var port = new TokenProviderPort(new DelegateTokenProvider(_ => ValueTask.FromResult(grant)), sink, clock, NullLogger.Instance);

        port.Fetch(4);

        var fetched = await sink.NextAsync<TokenFetched>();
        Assert.Equal((4L, "t", TimeSpan.FromSeconds(seconds)), (fetched.Attempt, fetched.Token, fetched.ValidFor!.Value));
    }

    [Fact]
    public async Task A_grant_with_no_expiry_or_endpoint_leaves_both_unknown_and_an_endpoint_is_passed_on()
    {
        var edge = new Uri("wss://edge.example.test/signal");
        var sink = new RecordingSink();
        using var plain = new TokenProviderPort(new DelegateTokenProvider(_ => ValueTask.FromResult(new TokenGrant("t"))), sink, TimeProvider.System, NullLogger.Instance);
        using var routed = new TokenProviderPort(new DelegateTokenProvider(_ => ValueTask.FromResult(new TokenGrant("u") { Endpoint = edge })), sink, TimeProvider.System, NullLogger.Instance);

        plain.Fetch(1);
        var first = await sink.NextAsync<TokenFetched>();
        routed.Fetch(2);
        var second = await sink.NextAsync<TokenFetched>();

        Assert.Equal((null, null), (first.ValidFor, first.Route));
        Assert.Equal(edge, second.Route!.Endpoint);
    }

    [Theory]
    [InlineData("https://edge.example.test/signal")]
    [InlineData("/signal")]
    [InlineData("file:///tmp/socket")]
    public async Task A_grant_whose_endpoint_is_not_an_absolute_websocket_uri_is_a_failed_fetch_that_names_it(string endpoint)
    {
        var grant = new TokenGrant("t") { Endpoint = new Uri(endpoint, UriKind.RelativeOrAbsolute) };
        var sink = new RecordingSink();
        using var port = new TokenProviderPort(new DelegateTokenProvider(_ => ValueTask.FromResult(grant)), sink, TimeProvider.System, NullLogger.Instance);

        port.Fetch(3);

        var failed = await sink.NextAsync<TokenFetchFailed>();
        Assert.Equal(3, failed.Attempt);
        Assert.Contains(endpoint, failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grant_with_an_empty_token_is_a_failed_fetch()
    {
        var sink = new RecordingSink();
        using var port = new TokenProviderPort(new DelegateTokenProvider(_ => ValueTask.FromResult(new TokenGrant(string.Empty))), sink, TimeProvider.System, NullLogger.Instance);

        port.Fetch(5);

        Assert.Equal("the token provider returned no token", (await sink.NextAsync<TokenFetchFailed>()).Reason);
    }

    [Fact]
    public async Task A_grant_with_headers_only_keeps_the_configured_endpoint_and_one_with_a_nameless_header_is_a_failed_fetch()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["X-Edge"] = "7" };
        var nameless = new Dictionary<string, string>(StringComparer.Ordinal) { [" "] = "7" };
        var sink = new RecordingSink();
        using var good = new TokenProviderPort(new DelegateTokenProvider(_ => ValueTask.FromResult(new TokenGrant("t") { Headers = headers })), sink, TimeProvider.System, NullLogger.Instance);
        using var bad = new TokenProviderPort(new DelegateTokenProvider(_ => ValueTask.FromResult(new TokenGrant("t") { Headers = nameless })), sink, TimeProvider.System, NullLogger.Instance);

        good.Fetch(1);
        var route = (await sink.NextAsync<TokenFetched>()).Route!;
        bad.Fetch(2);
        var failed = await sink.NextAsync<TokenFetchFailed>();

        Assert.Null(route.Endpoint);
        Assert.Equal("7", route.Headers["X-Edge"]);
        Assert.Equal((2L, "the token provider returned a header with no name or no value"), (failed.Attempt, failed.Reason));
    }
}

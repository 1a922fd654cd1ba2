using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Reconnect.Core.Engine;
using Reconnect.Transports.Client;
using Reconnect.Transports.Tests.WebSockets.Support;

namespace Reconnect.Transports.Tests.Client;

/// <summary>A token provider that fails because this host is offline reports a local outage, as the socket port does.</summary>
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
        using var port = new TokenProviderPort(new DelegateTokenProvider(_ => ValueTask.FromException<TokenGrant>(error)), sink, NullLogger.Instance);

        port.Fetch(9);

        var failed = await sink.NextAsync<TokenFetchFailed>();
        Assert.Equal((9L, localOutage), (failed.Attempt, failed.NetworkUnreachable));
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reconnect.Core.Engine;
using Reconnect.Core.Policies;
using Reconnect.Transports.Tests.Client.Support;
using Reconnect.Transports.Tests.Network;
using Reconnect.Transports.Tests.WebSockets.Support;

namespace Reconnect.Transports.Tests.WebSockets;

/// <summary>A client on the WebSocket transport fails with errors that say what happened and where.</summary>
public sealed class WebSocketClientErrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refused_first_connect_fails_the_join_naming_the_refusal_and_the_endpoint()
    {
        var endpoint = new Uri($"ws://127.0.0.1:{ClosedPort.Next()}/signal");
        var transport = new WebSocketTransportFactory(
            Options.Create(new WebSocketSignallingOptions { Endpoint = endpoint }),
            NullLoggerFactory.Instance,
            _ => new IdleTransport(),
            () => new ManualNetworkMonitor());
        await using var client = ReconnectClient.CreateBuilder()
            .WithTransport(transport)
            .WithTokenProvider(_ => ValueTask.FromResult(new TokenGrant("t")))
            .Build();

        var failure = await Assert.ThrowsAsync<ReconnectException>(() => client.JoinAsync("room", "alice", null, Ct).WaitAsync(Patience.Long, Ct));

        Assert.Equal(new FirstConnectFailed(CloseCodes.ConnectionRefused, "connection_refused", $"connection refused by {endpoint}"), failure.Error);
        Assert.Contains($"first connect failed: connection refused by {endpoint}", failure.Message, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reconnect.Transports.Tests.Client.Support;
using Reconnect.Transports.Tests.WebSockets.Support;

namespace Reconnect.Transports.Tests.DependencyInjection;

public sealed class AddReconnectWebSocketTransportTests
{
    [Fact]
    public void Invalid_WebSocket_options_throw_when_the_transport_is_resolved_listing_every_failure()
    {
        var services = new ServiceCollection()
            .AddReconnectWebSocketTransport(o => o with { MaxFrameBytes = 10 }, _ => new IdleTransport());
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITransportFactory>());

        Assert.Equal(
            ["Endpoint must be an absolute ws:// or wss:// URI.", "MaxFrameBytes must be in [1024, 67108864]."],
            failure.Failures);
    }

    [Fact]
    public async Task The_registered_transport_applies_every_configuration_in_order_and_makes_WebSocket_ports()
    {
        var services = new ServiceCollection()
            .AddReconnectWebSocketTransport(o => o with { Endpoint = new Uri("ws://127.0.0.1:1/ws"), SendQueueCapacity = 5 }, _ => new IdleTransport())
            .AddReconnectWebSocketTransport(o => o with { SendQueueCapacity = 7 }, _ => new IdleTransport());
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<WebSocketSignallingOptions>>().Value;
        await using var port = Assert.IsType<WebSocketSignallingPort>(provider.GetRequiredService<ITransportFactory>().CreateSignallingPort(new RecordingSink()));

        Assert.Equal((new Uri("ws://127.0.0.1:1/ws"), 7), (options.Endpoint, options.SendQueueCapacity));
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reconnect.Transports.Tests.Client.Support;
using Reconnect.Transports.Tests.Network;
using Reconnect.Transports.Tests.WebSockets.Support;

namespace Reconnect.Transports.Tests.WebSockets;

/// <summary>The WebSocket transport validates its options up front and pairs its port with the media port and monitor it is given.</summary>
public sealed class WebSocketTransportFactoryTests
{
    [Fact]
    public void Invalid_options_fail_when_the_factory_is_built_listing_every_failure()
    {
        var options = new WebSocketSignallingOptions
        {
            Endpoint = new Uri("http://example.test/ws"),
            ConnectTimeout = TimeSpan.Zero,
            SendQueueCapacity = 0,
            KeepAliveTimeout = TimeSpan.FromSeconds(-1),
        };

        var error = Assert.Throws<OptionsValidationException>(() =>
            new WebSocketTransportFactory(Options.Create(options), NullLoggerFactory.Instance, _ => new IdleTransport()));

        Assert.Equal(
            [
                "Endpoint must be an absolute ws:// or wss:// URI.",
                "ConnectTimeout must be positive.",
                "KeepAliveTimeout must be positive or null.",
                "SendQueueCapacity must be in [1, 1000000].",
            ],
            error.Failures);
    }

    [Fact]
    public void Default_options_with_an_endpoint_are_valid()
    {
        var result = new WebSocketSignallingOptionsValidator().Validate(null, new WebSocketSignallingOptions { Endpoint = new Uri("wss://example.test/ws") });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public async Task The_factory_makes_a_WebSocket_port_the_given_media_port_and_a_monitor_per_client()
    {
        var media = new IdleTransport();
        var monitors = new List<ManualNetworkMonitor>();
        var factory = new WebSocketTransportFactory(
            Options.Create(new WebSocketSignallingOptions { Endpoint = new Uri("ws://127.0.0.1:1/ws") }),
            NullLoggerFactory.Instance,
            _ => media,
            () =>
            {
                monitors.Add(new ManualNetworkMonitor());
                return monitors[^1];
            });
        var sink = new RecordingSink();

        await using var port = Assert.IsType<WebSocketSignallingPort>(factory.CreateSignallingPort(sink));
        var monitor = factory.CreateNetworkMonitor();

        Assert.Same(media, factory.CreateMediaPort(sink));
        Assert.Same(monitors.Single(), monitor);
    }

    [Fact]
    public void Without_a_monitor_of_its_own_the_factory_listens_to_the_operating_system()
    {
        var factory = new WebSocketTransportFactory(
            Options.Create(new WebSocketSignallingOptions { Endpoint = new Uri("ws://127.0.0.1:1/ws") }), NullLoggerFactory.Instance, _ => new IdleTransport());

        using var monitor = factory.CreateNetworkMonitor();

        Assert.IsType<SystemNetworkMonitor>(monitor);
    }
}

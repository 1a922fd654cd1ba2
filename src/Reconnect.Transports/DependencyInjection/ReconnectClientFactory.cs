using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reconnect;

/// <summary>The container's client factory: options, validators, clock, logging and metrics come from the container.</summary>
internal sealed class ReconnectClientFactory(IServiceProvider services) : IReconnectClientFactory
{
    public ReconnectClient Create(ITokenProvider tokenProvider, ITransportFactory transport, Action<ReconnectClientBuilder>? configure = null)
    {
        var builder = ReconnectClient.CreateBuilder()
            .WithOptions(services.GetRequiredService<IOptions<ReconnectOptions>>().Value)
            .WithTimeProvider(services.GetRequiredService<TimeProvider>())
            .WithTokenProvider(tokenProvider)
            .WithTransport(transport);
        if (services.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            builder.WithLoggerFactory(loggerFactory);
        }

        if (services.GetService<IMeterFactory>() is { } meterFactory)
        {
            builder.WithMeterFactory(meterFactory);
        }

        configure?.Invoke(builder);
        return builder.Build();
    }
}

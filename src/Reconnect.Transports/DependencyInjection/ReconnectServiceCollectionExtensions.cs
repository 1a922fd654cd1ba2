using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reconnect.Hosting;

namespace Reconnect;

/// <summary>Registers the Reconnect client in a service collection.</summary>
public static class ReconnectServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReconnectOptions"/> with the options pattern and <see cref="ReconnectOptionsValidator"/>,
    /// <see cref="TimeProvider.System"/> unless a clock is registered, and an <see cref="IReconnectClientFactory"/>.
    /// The options are records with init-only properties, so <paramref name="configure"/> returns new options:
    /// <c>o =&gt; o with { RetryFirstConnect = true }</c>; several calls apply in order. The options are validated,
    /// every failure listed in one <see cref="OptionsValidationException"/>, whenever a client is created.
    /// </summary>
    public static IServiceCollection AddReconnect(this IServiceCollection services, Func<ReconnectOptions, ReconnectOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        if (configure is not null)
        {
            services.AddSingleton(new RecordOptionsConfiguration<ReconnectOptions>(configure));
        }

        services.TryAddSingleton<IOptionsFactory<ReconnectOptions>, RecordOptionsFactory<ReconnectOptions>>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReconnectOptions>, ReconnectOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReconnectClientFactory>(sp => new ReconnectClientFactory(sp));
        return services;
    }

    /// <summary>
    /// Registers <see cref="WebSocketSignallingOptions"/> with the options pattern and
    /// <see cref="WebSocketSignallingOptionsValidator"/>, and an <see cref="ITransportFactory"/>: the
    /// <see cref="WebSocketTransportFactory"/> with the container's logger factory (if any), the media port
    /// <paramref name="createMediaPort"/> makes, and the operating system's network monitor. Like
    /// <see cref="AddReconnect"/>, <paramref name="configure"/> returns new options:
    /// <c>o =&gt; o with { Endpoint = new Uri("ws://127.0.0.1:5080/signal") }</c>. The options are validated, every failure listed
    /// in one <see cref="OptionsValidationException"/>, when the transport factory is first resolved.
    /// </summary>
    public static IServiceCollection AddReconnectWebSocketTransport(
        this IServiceCollection services,
        Func<WebSocketSignallingOptions, WebSocketSignallingOptions> configure,
        Func<IEngineInputSink, IMediaPort> createMediaPort)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(createMediaPort);
        services.AddOptions();
        services.AddSingleton(new RecordOptionsConfiguration<WebSocketSignallingOptions>(configure));
        services.TryAddSingleton<IOptionsFactory<WebSocketSignallingOptions>, RecordOptionsFactory<WebSocketSignallingOptions>>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebSocketSignallingOptions>, WebSocketSignallingOptionsValidator>());
        services.TryAddSingleton<ITransportFactory>(sp => new WebSocketTransportFactory(
            sp.GetRequiredService<IOptions<WebSocketSignallingOptions>>(), sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance, createMediaPort));
        return services;
    }
}

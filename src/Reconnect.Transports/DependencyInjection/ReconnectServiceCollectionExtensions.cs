using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reconnect.Core.Options;

namespace Reconnect.Transports.DependencyInjection;

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
            services.AddSingleton(new ReconnectOptionsConfiguration(configure));
        }

        services.TryAddSingleton<IOptionsFactory<ReconnectOptions>, ReconnectOptionsFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReconnectOptions>, ReconnectOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReconnectClientFactory>(sp => new ReconnectClientFactory(sp));
        return services;
    }
}

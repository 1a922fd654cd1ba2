
namespace Reconnect;

/// <summary>Creates <see cref="ReconnectClient"/>s from the container's options, clock, logging and metrics.</summary>
public interface IReconnectClientFactory
{
    /// <summary>
    /// Creates a client, validating the registered options first. <paramref name="configure"/> may adjust the
    /// builder last (run mode, event buffer, seed).
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; every failure is listed.</exception>
    ReconnectClient Create(ITokenProvider tokenProvider, ITransportFactory transport, Action<ReconnectClientBuilder>? configure = null);
}

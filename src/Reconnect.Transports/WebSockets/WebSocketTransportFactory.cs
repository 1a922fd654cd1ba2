using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reconnect.Hosting;

namespace Reconnect;

/// <summary>
/// Pairs the <see cref="WebSocketSignallingPort"/> with a media port of the caller's choice and a network monitor
/// (the operating system's, <see cref="SystemNetworkMonitor"/>, unless told otherwise). The options are validated
/// when the factory is created, so a bad endpoint fails at build time, not at the first connect.
/// </summary>
public sealed class WebSocketTransportFactory : ITransportFactory
{
    private readonly WebSocketSignallingOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Func<IEngineInputSink, IMediaPort> _createMediaPort;
    private readonly Func<INetworkMonitor> _createNetworkMonitor;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The signalling options, read and validated once here.</param>
    /// <param name="loggerFactory">Where the ports log.</param>
    /// <param name="createMediaPort">Creates the media port of each client.</param>
    /// <param name="createNetworkMonitor">Creates the network monitor of each client; <see cref="SystemNetworkMonitor"/> when null.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; every failure is listed.</exception>
    public WebSocketTransportFactory(
        IOptions<WebSocketSignallingOptions> options,
        ILoggerFactory loggerFactory,
        Func<IEngineInputSink, IMediaPort> createMediaPort,
        Func<INetworkMonitor>? createNetworkMonitor = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(createMediaPort);
        _options = WebSocketSignallingOptionsValidator.Validated(options.Value);
        _loggerFactory = loggerFactory;
        _createMediaPort = createMediaPort;
        _createNetworkMonitor = createNetworkMonitor ?? (static () => new SystemNetworkMonitor());
    }

    /// <inheritdoc />
    public ISignallingPort CreateSignallingPort(IEngineInputSink sink) =>
        new WebSocketSignallingPort(_options, sink, _loggerFactory.CreateLogger<WebSocketSignallingPort>());

    /// <inheritdoc />
    public IMediaPort CreateMediaPort(IEngineInputSink sink) => _createMediaPort(sink);

    /// <inheritdoc />
    public INetworkMonitor CreateNetworkMonitor() => _createNetworkMonitor();
}

using Reconnect.Hosting;

namespace Reconnect;

/// <summary>
/// Creates the signalling and media ports of one client (in-memory, WebSocket, UDP...). Each port reports what
/// happens to it by posting inputs to the sink it is given; it never calls the engine. A port that implements
/// <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/> is disposed when the client closes; disposing the
/// signalling port lets a close already under way flush its last frames (the leave) within the close's bound.
/// </summary>
public interface ITransportFactory
{
    /// <summary>Creates the signalling socket port.</summary>
    ISignallingPort CreateSignallingPort(IEngineInputSink sink);

    /// <summary>Creates the media port.</summary>
    IMediaPort CreateMediaPort(IEngineInputSink sink);

    /// <summary>
    /// Creates the network monitor whose changes the client feeds to its engine, or null for none (the application
    /// may still call <see cref="ReconnectClient.NotifyNetworkChanged"/>). The client disposes it when it closes.
    /// </summary>
    INetworkMonitor? CreateNetworkMonitor() => null;
}

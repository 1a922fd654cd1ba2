using Reconnect.Hosting;
using Reconnect.Transports.InMemory;

namespace Reconnect.Transports.Tests.Client.Support;

/// <summary>The in-memory ports of one host, kept so a test can break the signalling socket, and a network monitor if given one.</summary>
internal sealed class InMemoryTransport(IInMemoryFabric fabric, string host, InMemorySignallingServer server, InMemoryMediaDirectory directory, INetworkMonitor? monitor = null) : ITransportFactory
{
    public InMemorySignallingPort? Signalling { get; private set; }

    public ISignallingPort CreateSignallingPort(IEngineInputSink sink) => Signalling = new InMemorySignallingPort(fabric, host, server, sink);

    public IMediaPort CreateMediaPort(IEngineInputSink sink) => new InMemoryMediaPort(fabric, host, directory, sink);

    public INetworkMonitor? CreateNetworkMonitor() => monitor;
}

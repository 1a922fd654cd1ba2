using Reconnect.Hosting;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.Calls;

/// <summary>The in-memory ports of one client of a <see cref="VirtualCall"/>; keeps them so faults can break them and checks can read them.</summary>
internal sealed class VirtualCallTransport(IInMemoryFabric fabric, string host, InMemorySignallingServer server, InMemoryMediaDirectory directory) : ITransportFactory
{
    public InMemorySignallingPort? Signalling { get; private set; }

    public InMemoryMediaPort? Media { get; private set; }

    public ISignallingPort CreateSignallingPort(IEngineInputSink sink) => Signalling = new InMemorySignallingPort(fabric, host, server, sink);

    public IMediaPort CreateMediaPort(IEngineInputSink sink) => Media = new InMemoryMediaPort(fabric, host, directory, sink);
}

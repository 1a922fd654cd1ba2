using Reconnect.Hosting;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.Calls;

/// <summary>The in-memory ports of one client of a <see cref="VirtualCall"/>; keeps the signalling port so a cut can break it.</summary>
internal sealed class VirtualCallTransport(IInMemoryFabric fabric, string host, InMemorySignallingServer server, InMemoryMediaDirectory directory) : ITransportFactory
{
    public InMemorySignallingPort? Signalling { get; private set; }

    public ISignallingPort CreateSignallingPort(IEngineInputSink sink) => Signalling = new InMemorySignallingPort(fabric, host, server, sink);

    public IMediaPort CreateMediaPort(IEngineInputSink sink) => new InMemoryMediaPort(fabric, host, directory, sink);
}

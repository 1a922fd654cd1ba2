using Reconnect.Core.Engine;
using Reconnect.Hosting;

namespace Reconnect.Browser.Page;

/// <summary>
/// The page's transport: the WebSocket signalling port (the browser's WebSocket), the browser media port and the
/// page's network monitor; every input the signalling port posts is shown to <paramref name="observe"/> first.
/// </summary>
internal sealed class PageTransport(ITransportFactory signalling, Func<IEngineInputSink, IMediaPort> media, INetworkMonitor network, Action<EngineInput> observe)
    : ITransportFactory
{
    public ISignallingPort CreateSignallingPort(IEngineInputSink sink) => signalling.CreateSignallingPort(new ObservedSink(sink, observe));

    public IMediaPort CreateMediaPort(IEngineInputSink sink) => media(sink);

    public INetworkMonitor CreateNetworkMonitor() => network;

    private sealed class ObservedSink(IEngineInputSink inner, Action<EngineInput> observe) : IEngineInputSink
    {
        public void Post(EngineInput input)
        {
            observe(input);
            inner.Post(input);
        }
    }
}

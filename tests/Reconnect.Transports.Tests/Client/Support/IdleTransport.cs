using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Hosting;

namespace Reconnect.Transports.Tests.Client.Support;

/// <summary>Ports that go nowhere and count the calls they get, for clients that never reach a server.</summary>
internal sealed class IdleTransport : ITransportFactory, ISignallingPort, IMediaPort
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ISignallingPort CreateSignallingPort(IEngineInputSink sink) => this;

    public IMediaPort CreateMediaPort(IEngineInputSink sink) => this;

    public void Open(long epoch, string token, SignallingRoute? route) => Count();

    public void Send(long epoch, string frame) => Count();

    public void Close(long epoch, int code, string reason) => Count();

    public void CreateConnection(string remotePeerId, int generation, IReadOnlyList<IceServer> iceServers, bool polite, IReadOnlyList<StreamInfo> localStreams) => Count();

    public void CreateOffer(string remotePeerId, int generation) => Count();

    public void SetLocalDescription(string remotePeerId, int generation, SessionDescription description) => Count();

    public void RestartIce(string remotePeerId, int generation) => Count();

    public void CreateAnswer(string remotePeerId, int generation) => Count();

    public void SetRemoteDescription(string remotePeerId, int generation, SessionDescription description) => Count();

    public void AddIceCandidate(string remotePeerId, int generation, IceCandidate candidate) => Count();

    public void AttachLocalStream(string remotePeerId, int generation, StreamInfo stream) => Count();

    public void DetachLocalStream(string remotePeerId, int generation, string streamId) => Count();

    public void ReplaceTrack(string remotePeerId, int generation, string streamId, string trackId) => Count();

    public void Close(string remotePeerId, int generation) => Count();

    private void Count() => Interlocked.Increment(ref _calls);
}

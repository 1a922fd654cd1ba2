using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Hosting;

namespace Reconnect.Transports.InMemory;

/// <summary>A media port whose every call runs under a lock shared with its fabric's deliveries and timers.</summary>
internal sealed class SerializedMediaPort(IMediaPort inner, Lock gate) : IMediaPort, IDataChannelPort
{
    public void CreateConnection(string remotePeerId, int generation, IReadOnlyList<IceServer> iceServers, bool polite, IReadOnlyList<StreamInfo> localStreams) =>
        Run(() => inner.CreateConnection(remotePeerId, generation, iceServers, polite, localStreams));

    public void CreateOffer(string remotePeerId, int generation) => Run(() => inner.CreateOffer(remotePeerId, generation));

    public void CreateAnswer(string remotePeerId, int generation) => Run(() => inner.CreateAnswer(remotePeerId, generation));

    public void SetLocalDescription(string remotePeerId, int generation, SessionDescription description) =>
        Run(() => inner.SetLocalDescription(remotePeerId, generation, description));

    public void SetRemoteDescription(string remotePeerId, int generation, SessionDescription description) =>
        Run(() => inner.SetRemoteDescription(remotePeerId, generation, description));

    public void AddIceCandidate(string remotePeerId, int generation, IceCandidate candidate) => Run(() => inner.AddIceCandidate(remotePeerId, generation, candidate));

    public void RestartIce(string remotePeerId, int generation) => Run(() => inner.RestartIce(remotePeerId, generation));

    public void AttachLocalStream(string remotePeerId, int generation, StreamInfo stream) => Run(() => inner.AttachLocalStream(remotePeerId, generation, stream));

    public void DetachLocalStream(string remotePeerId, int generation, string streamId) => Run(() => inner.DetachLocalStream(remotePeerId, generation, streamId));

    public void ReplaceTrack(string remotePeerId, int generation, string streamId, string trackId) =>
        Run(() => inner.ReplaceTrack(remotePeerId, generation, streamId, trackId));

    public void Close(string remotePeerId, int generation) => Run(() => inner.Close(remotePeerId, generation));

    public void CreateDataChannel(string remotePeerId, int generation, string label, DataChannelInit init) =>
        Run(() => DataChannels.CreateDataChannel(remotePeerId, generation, label, init));

    public void Send(string remotePeerId, int generation, string label, ReadOnlyMemory<byte> payload) =>
        Run(() => DataChannels.Send(remotePeerId, generation, label, payload));

    private IDataChannelPort DataChannels => inner as IDataChannelPort
        ?? throw new NotSupportedException($"The media port {inner.GetType().Name} does not implement {nameof(IDataChannelPort)}.");

    private void Run(Action call)
    {
        lock (gate)
        {
            call();
        }
    }
}

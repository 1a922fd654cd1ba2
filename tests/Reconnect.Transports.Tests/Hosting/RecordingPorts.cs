using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Hosting;

namespace Reconnect.Transports.Tests.Hosting;

/// <summary>Ports that record every call and can be told to throw on opening a socket.</summary>
internal sealed class RecordingPorts : ITokenPort, ISignallingPort, IMediaPort
{
    public List<string> Calls { get; } = [];

    public bool ThrowOnOpen { get; set; }

    public EnginePorts AsPorts() => new(this, this, this);

    public void Fetch(long attempt) => Calls.Add($"fetch {attempt}");

    public void Open(long epoch, string token, SignallingRoute? route)
    {
        Calls.Add($"open {epoch}");
        if (ThrowOnOpen)
        {
            throw new InvalidOperationException("socket refused");
        }
    }

    public void Send(long epoch, string frame) =>
        Calls.Add(ProtocolCodec.TryDecodeClientMessage(frame, out var message, out _) ? $"send {epoch} {message.GetType().Name}" : $"send {epoch}");

    public void Close(long epoch, int code, string reason) => Calls.Add($"close {epoch} {code}");

    public void Close(long epoch, int code, string reason, TimeSpan flushWithin) => Calls.Add($"close {epoch} {code} flushing {flushWithin.TotalMilliseconds} ms");

    public void CreateConnection(string remotePeerId, int generation, IReadOnlyList<IceServer> iceServers, bool polite, IReadOnlyList<StreamInfo> localStreams) =>
        Calls.Add($"create {remotePeerId} {generation}");

    public void CreateOffer(string remotePeerId, int generation) => Calls.Add($"offer {remotePeerId} {generation}");

    public void SetLocalDescription(string remotePeerId, int generation, SessionDescription description) => Calls.Add($"local {remotePeerId} {generation}");

    public void RestartIce(string remotePeerId, int generation) => Calls.Add($"restart-ice {remotePeerId} {generation}");

    public void CreateAnswer(string remotePeerId, int generation) => Calls.Add($"answer {remotePeerId} {generation}");

    public void SetRemoteDescription(string remotePeerId, int generation, SessionDescription description) => Calls.Add($"remote {remotePeerId} {generation}");

    public void AddIceCandidate(string remotePeerId, int generation, IceCandidate candidate) => Calls.Add($"candidate {remotePeerId} {generation}");

    public void AttachLocalStream(string remotePeerId, int generation, StreamInfo stream) => Calls.Add($"attach {remotePeerId}");

    public void DetachLocalStream(string remotePeerId, int generation, string streamId) => Calls.Add($"detach {remotePeerId}");

    public void ReplaceTrack(string remotePeerId, int generation, string streamId, string trackId) => Calls.Add($"replace {remotePeerId}");

    public void Close(string remotePeerId, int generation) => Calls.Add($"close-connection {remotePeerId} {generation}");
}

using Reconnect.Core.Engine;
using Reconnect.Core.Protocol;

namespace Reconnect.Hosting;

/// <summary>Maps each port effect of the engine to one call on a port.</summary>
internal static class EffectDispatcher
{
    public static void Dispatch(EngineEffect effect, EnginePorts ports)
    {
        switch (effect)
        {
            case FetchToken e: ports.Token.Fetch(e.Attempt); break;
            case OpenSocket e: ports.Signalling.Open(e.Epoch, e.Token, e.Route); break;
            case CloseSocket e: ports.Signalling.Close(e.Epoch, e.Code, e.Reason, e.FlushWithin); break;
            case SendMessage e: ports.Signalling.Send(e.Epoch, ProtocolCodec.Encode(e.Message)); break;
            case CreateConnection e: ports.Media.CreateConnection(e.RemotePeerId, e.Generation, e.IceServers, e.Polite, e.LocalStreams); break;
            case CreateOffer e: ports.Media.CreateOffer(e.RemotePeerId, e.Generation); break;
            case CreateAnswer e: ports.Media.CreateAnswer(e.RemotePeerId, e.Generation); break;
            case SetLocalDescription e: ports.Media.SetLocalDescription(e.RemotePeerId, e.Generation, e.Description); break;
            case SetRemoteDescription e: ports.Media.SetRemoteDescription(e.RemotePeerId, e.Generation, e.Description); break;
            case AddIceCandidate e: ports.Media.AddIceCandidate(e.RemotePeerId, e.Generation, e.Candidate); break;
            case RestartIce e: ports.Media.RestartIce(e.RemotePeerId, e.Generation); break;
            case AttachLocalStream e: ports.Media.AttachLocalStream(e.RemotePeerId, e.Generation, e.Stream); break;
            case DetachLocalStream e: ports.Media.DetachLocalStream(e.RemotePeerId, e.Generation, e.StreamId); break;
            case ReplaceTrack e: ports.Media.ReplaceTrack(e.RemotePeerId, e.Generation, e.StreamId, e.TrackId); break;
            case CloseConnection e: ports.Media.Close(e.RemotePeerId, e.Generation); break;
            case OpenDataChannel e: DataChannels(ports).CreateDataChannel(e.RemotePeerId, e.Generation, e.Label, e.Init); break;
            case SendData e: DataChannels(ports).Send(e.RemotePeerId, e.Generation, e.Label, e.Payload); break;
            default: throw new ArgumentOutOfRangeException(nameof(effect), effect, "Not a port effect.");
        }
    }

    /// <summary>The media port's data-channel verbs; a media port without them cannot carry declared channels.</summary>
    private static IDataChannelPort DataChannels(EnginePorts ports) => ports.Media as IDataChannelPort
        ?? throw new NotSupportedException($"The media port {ports.Media.GetType().Name} does not implement {nameof(IDataChannelPort)}: declared data channels need it.");

    /// <summary>The input that reports a port's failure to carry out an effect, if the effect has one.</summary>
    public static EngineInput? FailureInput(EngineEffect effect, Exception error) => effect switch
    {
        FetchToken e => new TokenFetchFailed(e.Attempt, error.Message),
        OpenSocket e => new SocketClosed(e.Epoch, CloseCodes.Abnormal, error.Message),
        SendMessage e => new SocketClosed(e.Epoch, CloseCodes.Abnormal, error.Message),
        CreateConnection e => new MediaOperationFailed(e.RemotePeerId, e.Generation, MediaOperation.CreateConnection, error.Message),
        CreateOffer e => new MediaOperationFailed(e.RemotePeerId, e.Generation, MediaOperation.CreateOffer, error.Message),
        CreateAnswer e => new MediaOperationFailed(e.RemotePeerId, e.Generation, MediaOperation.CreateAnswer, error.Message),
        SetLocalDescription e => new MediaOperationFailed(e.RemotePeerId, e.Generation, MediaOperation.SetLocalDescription, error.Message),
        SetRemoteDescription e => new MediaOperationFailed(e.RemotePeerId, e.Generation, MediaOperation.SetRemoteDescription, error.Message),
        AddIceCandidate e => new MediaOperationFailed(e.RemotePeerId, e.Generation, MediaOperation.AddIceCandidate, error.Message),
        RestartIce e => new MediaOperationFailed(e.RemotePeerId, e.Generation, MediaOperation.RestartIce, error.Message),
        AttachLocalStream e => new MediaOperationFailed(e.RemotePeerId, e.Generation, MediaOperation.AttachLocalStream, error.Message),
        DetachLocalStream e => new MediaOperationFailed(e.RemotePeerId, e.Generation, MediaOperation.DetachLocalStream, error.Message),
        ReplaceTrack e => new MediaOperationFailed(e.RemotePeerId, e.Generation, MediaOperation.ReplaceTrack, error.Message),
        CloseConnection e => new MediaOperationFailed(e.RemotePeerId, e.Generation, MediaOperation.Close, error.Message),
        OpenDataChannel e => new DataChannelClosed(e.RemotePeerId, e.Generation, e.Label),
        _ => null,
    };
}

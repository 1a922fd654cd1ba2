using Reconnect.Core.Engine;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Page;

/// <summary>
/// The page's trace lines for what the engine was given and what it had done, besides its notices: kinds
/// <see cref="Input"/> and <see cref="Effect"/>, the type's name as detail (a socket's epoch with it), and the remote
/// peer and connection generation where the input or effect concerns one. Descriptions and frames are left out.
/// </summary>
internal static class EngineIoText
{
    /// <summary>The kind of a line for an input the engine handled.</summary>
    public const string Input = "input";

    /// <summary>The kind of a line for an effect the engine had a port carry out.</summary>
    public const string Effect = "effect";

    public static TraceEvent Of(long tMs, string peer, EngineInput input) => input switch
    {
        LocalDescriptionCreated e => Media(tMs, peer, Input, input, e.RemotePeerId, e.Generation),
        LocalDescriptionApplied e => Media(tMs, peer, Input, input, e.RemotePeerId, e.Generation),
        LocalCandidateGathered e => Media(tMs, peer, Input, input, e.RemotePeerId, e.Generation),
        IceStateChanged e => Media(tMs, peer, Input, input, e.RemotePeerId, e.Generation) with { To = e.State.ToString() },
        RemoteStreamArrived e => Media(tMs, peer, Input, input, e.RemotePeerId, e.Generation) with { Stream = e.StreamId },
        MediaOperationFailed e => Media(tMs, peer, Input, input, e.RemotePeerId, e.Generation) with { Reason = $"{e.Operation}: {e.Reason}" },
        MediaFlowReported e => Media(tMs, peer, Input, input, e.RemotePeerId, e.Generation) with { Attempt = (int)Math.Min(e.FramesReceived, int.MaxValue) },
        SocketOpened e => Socket(tMs, peer, Input, input, e.Epoch),
        SocketClosed e => Socket(tMs, peer, Input, input, e.Epoch) with { Code = e.Code, Reason = e.Reason },
        FrameReceived e => Socket(tMs, peer, Input, input, e.Epoch),
        SignallingUnreachable e => Socket(tMs, peer, Input, input, e.Epoch) with { Reason = e.Reason },
        TimerFired e => new TraceEvent(tMs, peer, Input) { Detail = $"{nameof(TimerFired)} {e.Timer.Kind} {e.Timer.Owner}" },
        _ => new TraceEvent(tMs, peer, Input) { Detail = input.GetType().Name },
    };

    public static TraceEvent Of(long tMs, string peer, EngineEffect effect) => effect switch
    {
        CreateConnection e => Media(tMs, peer, Effect, effect, e.RemotePeerId, e.Generation),
        CreateOffer e => Media(tMs, peer, Effect, effect, e.RemotePeerId, e.Generation),
        CreateAnswer e => Media(tMs, peer, Effect, effect, e.RemotePeerId, e.Generation),
        SetLocalDescription e => Media(tMs, peer, Effect, effect, e.RemotePeerId, e.Generation),
        SetRemoteDescription e => Media(tMs, peer, Effect, effect, e.RemotePeerId, e.Generation),
        AddIceCandidate e => Media(tMs, peer, Effect, effect, e.RemotePeerId, e.Generation),
        RestartIce e => Media(tMs, peer, Effect, effect, e.RemotePeerId, e.Generation),
        CloseConnection e => Media(tMs, peer, Effect, effect, e.RemotePeerId, e.Generation),
        OpenSocket e => Socket(tMs, peer, Effect, effect, e.Epoch),
        CloseSocket e => Socket(tMs, peer, Effect, effect, e.Epoch) with { Code = e.Code, Reason = e.Reason },
        SendMessage e => Socket(tMs, peer, Effect, effect, e.Epoch) with { Reason = e.Message.GetType().Name },
        _ => new TraceEvent(tMs, peer, Effect) { Detail = effect.GetType().Name },
    };

    private static TraceEvent Media(long tMs, string peer, string kind, object what, string remote, int generation) =>
        new(tMs, peer, kind) { Detail = what.GetType().Name, Remote = remote, Conn = generation };

    private static TraceEvent Socket(long tMs, string peer, string kind, object what, long epoch) =>
        new(tMs, peer, kind) { Detail = $"{what.GetType().Name} epoch {epoch}" };
}

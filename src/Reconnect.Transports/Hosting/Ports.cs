using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Hosting;

/// <summary>Where adapters post what happened to them; they never call the engine directly.</summary>
public interface IEngineInputSink
{
    /// <summary>Posts an input for the engine; safe to call from a port during a dispatch.</summary>
    void Post(EngineInput input);
}

/// <summary>The token provider port: answers each fetch with <see cref="TokenFetched"/> or <see cref="TokenFetchFailed"/>.</summary>
public interface ITokenPort
{
    /// <summary>Starts a token fetch for an attempt.</summary>
    void Fetch(long attempt);
}

/// <summary>
/// The signalling socket port: one socket per epoch; reports SocketOpened, FrameReceived and SocketClosed, or
/// SignallingUnreachable when the local network is unreachable (no route, interface down, names unresolvable: no close
/// code). A connect the server host refuses (connection refused) closes with 4103 <c>connection_refused</c>, any other
/// failure with 1006. Every input carries the epoch of the socket it happened to, also after a newer socket opened.
/// </summary>
public interface ISignallingPort
{
    /// <summary>Opens the socket of a new epoch with a token, by the route its grant named (endpoint, headers) or else the configured one.</summary>
    void Open(long epoch, string token, SignallingRoute? route);

    /// <summary>Sends a text frame on the socket of an epoch; a closed socket drops it.</summary>
    void Send(long epoch, string frame);

    /// <summary>Closes the socket of an epoch.</summary>
    void Close(long epoch, int code, string reason);

    /// <summary>
    /// Closes the socket of an epoch once the frames already sent on it (such as the leave a close sends first) have
    /// been flushed, waiting at most <paramref name="flushWithin"/>. The default suits a port that hands each frame
    /// on in order as it is sent, as the in-memory port does: its frames are ahead of the close already.
    /// </summary>
    void Close(long epoch, int code, string reason, TimeSpan flushWithin) => Close(epoch, code, reason);
}

/// <summary>
/// The media port, in W3C verbs: one connection per (remote peer, generation). Reports
/// LocalDescriptionCreated, LocalCandidateGathered, IceStateChanged, RemoteStreamArrived and MediaOperationFailed.
/// </summary>
public interface IMediaPort
{
    /// <summary>Creates a connection.</summary>
    void CreateConnection(string remotePeerId, int generation, IReadOnlyList<IceServer> iceServers, bool polite, IReadOnlyList<StreamInfo> localStreams);

    /// <summary>Creates an offer.</summary>
    void CreateOffer(string remotePeerId, int generation, bool iceRestart);

    /// <summary>Creates an answer to the remote offer set last.</summary>
    void CreateAnswer(string remotePeerId, int generation);

    /// <summary>Sets the remote description (an offer in have-local-offer rolls back first).</summary>
    void SetRemoteDescription(string remotePeerId, int generation, SessionDescription description);

    /// <summary>Adds a remote candidate.</summary>
    void AddIceCandidate(string remotePeerId, int generation, IceCandidate candidate);

    /// <summary>Attaches a local stream.</summary>
    void AttachLocalStream(string remotePeerId, int generation, StreamInfo stream);

    /// <summary>Detaches a local stream.</summary>
    void DetachLocalStream(string remotePeerId, int generation, string streamId);

    /// <summary>Replaces a local stream's track without renegotiation.</summary>
    void ReplaceTrack(string remotePeerId, int generation, string streamId, string trackId);

    /// <summary>Closes a connection.</summary>
    void Close(string remotePeerId, int generation);
}

/// <summary>The three ports an engine pump dispatches effects to.</summary>
/// <param name="Token">The token provider port.</param>
/// <param name="Signalling">The signalling socket port.</param>
/// <param name="Media">The media port.</param>
public sealed record EnginePorts(ITokenPort Token, ISignallingPort Signalling, IMediaPort Media);

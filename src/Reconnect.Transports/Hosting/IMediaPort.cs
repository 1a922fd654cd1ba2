using Reconnect.Core.Ports;

namespace Reconnect;

/// <summary>
/// The media port, in W3C verbs (one-to-one with <c>RTCPeerConnection</c>): one connection per (remote peer,
/// generation). Reports LocalDescriptionCreated, LocalDescriptionApplied, LocalCandidateGathered, IceStateChanged,
/// RemoteStreamArrived and MediaOperationFailed.
/// </summary>
/// <remarks>
/// The engine owns negotiation: an adapter must suppress the connection's <c>negotiationneeded</c> event (never create
/// an offer on its own). Every verb's asynchronous failure (a rejected promise, an error callback) must be reported as a
/// <c>MediaOperationFailed</c> naming the verb, never thrown into the caller; a verb for a connection the port does not
/// hold (closed, or never created) does nothing.
/// </remarks>
public interface IMediaPort
{
    /// <summary>Creates a connection, with the local streams attached.</summary>
    void CreateConnection(string remotePeerId, int generation, IReadOnlyList<IceServer> iceServers, bool polite, IReadOnlyList<StreamInfo> localStreams);

    /// <summary>Creates an offer (W3C <c>createOffer()</c>), with new ICE credentials after <see cref="RestartIce"/>; reports LocalDescriptionCreated.</summary>
    void CreateOffer(string remotePeerId, int generation);

    /// <summary>Creates an answer to the remote offer set last (W3C <c>createAnswer()</c>); reports LocalDescriptionCreated.</summary>
    void CreateAnswer(string remotePeerId, int generation);

    /// <summary>Applies a local description the connection created (W3C <c>setLocalDescription(description)</c>); reports LocalDescriptionApplied.</summary>
    void SetLocalDescription(string remotePeerId, int generation, SessionDescription description);

    /// <summary>Sets the remote description (an offer in have-local-offer rolls back first).</summary>
    void SetRemoteDescription(string remotePeerId, int generation, SessionDescription description);

    /// <summary>Adds a remote candidate.</summary>
    void AddIceCandidate(string remotePeerId, int generation, IceCandidate candidate);

    /// <summary>Restarts ICE (W3C <c>restartIce()</c>): the next offer created carries new ICE credentials.</summary>
    void RestartIce(string remotePeerId, int generation);

    /// <summary>Attaches a local stream (its <see cref="StreamInfo.Media"/> handle, when it has one).</summary>
    void AttachLocalStream(string remotePeerId, int generation, StreamInfo stream);

    /// <summary>Detaches a local stream.</summary>
    void DetachLocalStream(string remotePeerId, int generation, string streamId);

    /// <summary>Replaces a local stream's track without renegotiation.</summary>
    void ReplaceTrack(string remotePeerId, int generation, string streamId, string trackId);

    /// <summary>Closes a connection.</summary>
    void Close(string remotePeerId, int generation);
}

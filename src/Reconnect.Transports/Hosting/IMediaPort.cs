using Reconnect.Core.Ports;

namespace Reconnect;

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

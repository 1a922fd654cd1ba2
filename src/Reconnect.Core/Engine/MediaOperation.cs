namespace Reconnect.Core.Engine;

/// <summary>A media port verb, as a <see cref="MediaOperationFailed"/> names the one that failed.</summary>
public enum MediaOperation
{
    /// <summary>Creating a connection.</summary>
    CreateConnection,

    /// <summary>Creating an offer.</summary>
    CreateOffer,

    /// <summary>Creating an answer.</summary>
    CreateAnswer,

    /// <summary>Applying a local description.</summary>
    SetLocalDescription,

    /// <summary>Applying a remote description.</summary>
    SetRemoteDescription,

    /// <summary>Adding a remote candidate.</summary>
    AddIceCandidate,

    /// <summary>Restarting ICE.</summary>
    RestartIce,

    /// <summary>Attaching a local stream.</summary>
    AttachLocalStream,

    /// <summary>Detaching a local stream.</summary>
    DetachLocalStream,

    /// <summary>Replacing a local stream's track.</summary>
    ReplaceTrack,

    /// <summary>Closing a connection.</summary>
    Close,
}

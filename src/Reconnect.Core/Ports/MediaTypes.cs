namespace Reconnect.Core.Ports;

/// <summary>Whether a session description is an offer or an answer.</summary>
public enum SdpType
{
    /// <summary>An offer.</summary>
    Offer,

    /// <summary>An answer.</summary>
    Answer,
}

/// <summary>A session description (W3C <c>RTCSessionDescriptionInit</c>).</summary>
/// <param name="Type">Offer or answer.</param>
/// <param name="Sdp">The description's text.</param>
public sealed record SessionDescription(SdpType Type, string Sdp);

/// <summary>An ICE candidate (W3C <c>RTCIceCandidateInit</c>).</summary>
/// <param name="Candidate">The candidate attribute value.</param>
/// <param name="SdpMid">The media stream identification tag.</param>
/// <param name="SdpMLineIndex">The media line index.</param>
public sealed record IceCandidate(string Candidate, string? SdpMid = null, int? SdpMLineIndex = null);

/// <summary>The ICE connection state of a media connection (W3C <c>RTCIceConnectionState</c>).</summary>
public enum IceConnectionState
{
    /// <summary>Gathering or waiting for remote candidates.</summary>
    New,

    /// <summary>Checking candidate pairs.</summary>
    Checking,

    /// <summary>A usable pair was found.</summary>
    Connected,

    /// <summary>Checking finished with a usable pair.</summary>
    Completed,

    /// <summary>Consent was lost for a while; may come back by itself.</summary>
    Disconnected,

    /// <summary>No pair works; only an ICE restart helps.</summary>
    Failed,

    /// <summary>The connection was closed.</summary>
    Closed,
}

namespace Reconnect.Core.Ports;

/// <summary>A STUN or TURN server a media connection may use, as the token provider hands it out.</summary>
/// <param name="Urls">The server's URLs (<c>stun:</c>, <c>turn:</c>, <c>turns:</c>).</param>
/// <param name="Username">The TURN username, if any.</param>
/// <param name="Credential">The TURN credential, if any.</param>
public sealed record IceServer(IReadOnlyList<string> Urls, string? Username = null, string? Credential = null);

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

/// <summary>What the operating system says about the network.</summary>
public enum NetworkChange
{
    /// <summary>No network is available.</summary>
    Offline,

    /// <summary>A network is available again.</summary>
    Online,

    /// <summary>The local address changed (for example Wi-Fi to cellular).</summary>
    AddressChanged,
}

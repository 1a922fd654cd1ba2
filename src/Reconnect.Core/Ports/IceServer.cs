namespace Reconnect;

/// <summary>A STUN or TURN server a media connection may use, as the token provider hands it out.</summary>
/// <param name="Urls">The server's URLs (<c>stun:</c>, <c>turn:</c>, <c>turns:</c>).</param>
/// <param name="Username">The TURN username, if any.</param>
/// <param name="Credential">The TURN credential, if any.</param>
public sealed record IceServer(IReadOnlyList<string> Urls, string? Username = null, string? Credential = null);

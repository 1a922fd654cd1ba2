namespace Reconnect.Transports.InMemory;

/// <summary>
/// A selected candidate pair: the local and remote addresses it joins and the ICE credentials it was formed under,
/// which it keeps through an ICE restart until a pair under the new credentials replaces it (RFC 8445 §12.1).
/// </summary>
/// <param name="LocalAddress">The local address the pair was formed on.</param>
/// <param name="RemoteAddress">The remote address.</param>
/// <param name="LocalUfrag">The local ufrag when the pair was formed.</param>
/// <param name="RemoteUfrag">The remote ufrag when the pair was formed.</param>
internal sealed record IcePair(string LocalAddress, string RemoteAddress, string LocalUfrag, string RemoteUfrag)
{
    /// <summary>True when the packet was sent on this pair's credentials.</summary>
    public bool Carries(MediaPacket packet) => packet.ToUfrag == LocalUfrag && packet.FromUfrag == RemoteUfrag;

    /// <summary>True when the pair was formed under these credentials.</summary>
    public bool FormedUnder(string? localUfrag, string? remoteUfrag) => LocalUfrag == localUfrag && RemoteUfrag == remoteUfrag;
}

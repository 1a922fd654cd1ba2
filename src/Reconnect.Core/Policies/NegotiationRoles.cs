namespace Reconnect.Core.Policies;

/// <summary>Perfect negotiation's deterministic roles: both peers compute the same answer from their ids.</summary>
internal static class NegotiationRoles
{
    /// <summary>
    /// True when the local peer is the polite one towards the remote: the one whose id sorts higher (ordinal).
    /// The polite peer yields in glare; the impolite peer makes the first offer.
    /// </summary>
    public static bool IsPolite(string localPeerId, string remotePeerId)
    {
        ArgumentNullException.ThrowIfNull(localPeerId);
        ArgumentNullException.ThrowIfNull(remotePeerId);
        if (localPeerId == remotePeerId)
        {
            throw new ArgumentException("A peer cannot negotiate with itself.", nameof(remotePeerId));
        }

        return string.CompareOrdinal(localPeerId, remotePeerId) > 0;
    }
}

using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.Network;

/// <summary>Loss on packets travelling one way: from a host (any when null) to a host (any when null), on one plane or both.</summary>
/// <param name="From">The sending host, or null for any.</param>
/// <param name="To">The receiving host, or null for any.</param>
/// <param name="Plane">The plane, or null for both.</param>
/// <param name="Loss">The probability a packet is lost, in [0, 1).</param>
public sealed record DirectedLoss(string? From, string? To, TrafficPlane? Plane, double Loss)
{
    /// <summary>True when a packet from <paramref name="from"/> to <paramref name="to"/> on <paramref name="plane"/> suffers this loss.</summary>
    public bool Applies(string from, string to, TrafficPlane plane) =>
        (From is null || string.Equals(From, from, StringComparison.Ordinal))
        && (To is null || string.Equals(To, to, StringComparison.Ordinal))
        && (Plane is null || Plane == plane);
}

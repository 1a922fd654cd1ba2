using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.Scenarios;

/// <summary>Maps scenario planes to the network's.</summary>
public static class FaultPlanes
{
    /// <summary>The network plane of a scenario plane.</summary>
    public static TrafficPlane ToTrafficPlane(this FaultPlane plane) =>
        plane == FaultPlane.Signalling ? TrafficPlane.Signalling : TrafficPlane.Media;

    /// <summary>The network planes a fault with this plane (null: both) hits.</summary>
    public static IReadOnlyList<TrafficPlane> Planes(FaultPlane? plane) =>
        plane is { } one ? [one.ToTrafficPlane()] : [TrafficPlane.Signalling, TrafficPlane.Media];
}

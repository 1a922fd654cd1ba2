using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Bench;

/// <summary>
/// The goal of a heal bench cell: reconnect's p99 at most <c>max(0.25 x baseline p99, 5 RTT + 100 ms)</c>, where RTT
/// is a peer's round trip to the server on the bench's network (2 x (peer link + server link) one-way delay); and no
/// more signalling connection attempts per client per minute of outage than the baseline.
/// </summary>
internal static class HealGoal
{
    /// <summary>The share of the baseline's p99 that reconnect's p99 must stay within.</summary>
    public const double BaselineShare = 0.25;

    /// <summary>How many round trips the floor of the goal allows.</summary>
    public const int RoundTrips = 5;

    /// <summary>The fixed allowance on top of the round trips, in milliseconds.</summary>
    public const double AllowanceMs = 100;

    /// <summary>A peer's round trip to the server on the bench's network, in milliseconds.</summary>
    public static double RoundTripMs { get; } = 2.0 * (new NetworkSettings().LatencyMs + SimWorld.ServerLinkLatencyMs);

    /// <summary>The floor of the goal: <c>5 RTT + 100 ms</c>.</summary>
    public static double FloorMs { get; } = (RoundTrips * RoundTripMs) + AllowanceMs;

    /// <summary>The goal for reconnect's p99 in a cell whose baseline p99 is <paramref name="baselineP99Ms"/>.</summary>
    public static double P99GoalMs(double baselineP99Ms) => Math.Max(BaselineShare * baselineP99Ms, FloorMs);
}

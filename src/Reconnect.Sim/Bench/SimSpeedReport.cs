namespace Reconnect.Sim.Bench;

/// <summary>How fast the simulator ran on this machine.</summary>
/// <param name="TwoPeerVirtualPerWall">Virtual seconds per wall second of a steady 2-peer call.</param>
/// <param name="FiftyPeerVirtualPerWall">Virtual seconds per wall second of a steady 50-peer call.</param>
/// <param name="SchedulesPerMinute">Seeded 2-peer schedules run per wall minute, over every worker.</param>
/// <param name="Workers">How many threads ran schedules.</param>
/// <param name="ScheduleSource">Where the schedules came from.</param>
public sealed record SimSpeedReport(double TwoPeerVirtualPerWall, double FiftyPeerVirtualPerWall, double SchedulesPerMinute, int Workers, string ScheduleSource);

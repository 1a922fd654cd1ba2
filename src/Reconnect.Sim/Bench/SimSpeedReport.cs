namespace Reconnect.Sim.Bench;

/// <summary>How fast the simulator ran on this machine.</summary>
/// <param name="Rooms">Each steady room's speed, in the order measured.</param>
/// <param name="SchedulesPerMinute">Generated 2-peer schedules explored per wall minute, over every worker.</param>
/// <param name="Workers">How many threads explored schedules.</param>
/// <param name="ScheduleSource">What the schedules were.</param>
internal sealed record SimSpeedReport(IReadOnlyList<RoomSpeed> Rooms, double SchedulesPerMinute, int Workers, string ScheduleSource);

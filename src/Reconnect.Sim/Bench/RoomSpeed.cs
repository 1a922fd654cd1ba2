namespace Reconnect.Sim.Bench;

/// <summary>How fast the simulator ran a steady call.</summary>
/// <param name="Room">The room and its stretches.</param>
/// <param name="VirtualPerWall">Virtual seconds per wall second over the measured stretch.</param>
/// <param name="SteadyWhenMeasured">True when the call had healed (everyone joined and connected) before the measured stretch began.</param>
internal sealed record RoomSpeed(RoomRun Room, double VirtualPerWall, bool SteadyWhenMeasured);

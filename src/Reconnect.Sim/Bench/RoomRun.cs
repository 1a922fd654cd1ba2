namespace Reconnect.Sim.Bench;

/// <summary>One steady room to time: its size, the unmeasured warm-up and the measured stretch, both in virtual time.</summary>
/// <param name="Peers">Peers in the room, each publishing a camera.</param>
/// <param name="Warmup">Virtual time run first, unmeasured, so every peer has joined and the call is steady.</param>
/// <param name="Measured">Virtual time then run and timed.</param>
internal sealed record RoomRun(int Peers, TimeSpan Warmup, TimeSpan Measured);

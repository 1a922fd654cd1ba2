namespace Reconnect.Testing.World;

/// <summary>Where a run is, reported at each convergence probe.</summary>
/// <param name="Elapsed">Virtual time since the run started.</param>
/// <param name="PhaseEnd">When the current phase ends at the latest, in virtual time since the start.</param>
/// <param name="Phase">The current phase.</param>
public sealed record SimProgress(TimeSpan Elapsed, TimeSpan PhaseEnd, SimPhase Phase);

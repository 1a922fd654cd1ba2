namespace Reconnect.Testing.World;

/// <summary>Which phase of a run a <see cref="SimWorld"/> is in.</summary>
public enum SimPhase
{
    /// <summary>Faults on, invariants checked after every step.</summary>
    Safety,

    /// <summary>Faults stopped, the world healed; the call must converge.</summary>
    Liveness,
}

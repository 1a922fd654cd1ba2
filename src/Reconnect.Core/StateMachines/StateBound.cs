namespace Reconnect.Core.StateMachines;

/// <summary>How a state is bounded in time.</summary>
internal enum StateBoundKind
{
    /// <summary>A timer or policy ends the state.</summary>
    Deadline,

    /// <summary>The state waits for outside input and that is safe.</summary>
    Stable,

    /// <summary>Nothing leaves the state.</summary>
    Terminal,
}

/// <summary>What bounds the time spent in a state, and why.</summary>
/// <param name="Kind">The kind of bound.</param>
/// <param name="Description">The deadline, or why none is needed.</param>
internal sealed record StateBound(StateBoundKind Kind, string Description);

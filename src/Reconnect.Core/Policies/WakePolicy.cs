namespace Reconnect.Core.Policies;

/// <summary>What a wake (or a wall-clock jump that looks like one) does to the signalling socket.</summary>
internal enum WakeDecision
{
    /// <summary>No time was lost: nothing to do.</summary>
    NothingLost,

    /// <summary>No open socket to probe; the attempt under way has its own deadline.</summary>
    NoSocketToProbe,

    /// <summary>The open socket was silent past the liveness timeout across the sleep: it is dead at once.</summary>
    DeadAcrossSleep,

    /// <summary>The open socket is suspect: a ping must be answered within the wake probe timeout.</summary>
    Probe,
}

/// <summary>
/// The wake rule: a wake after lost time makes the open socket suspect; silent past the liveness timeout it is dead at
/// once, otherwise it is probed with one ping. Nothing else is torn down, so a false alarm costs one ping. Pure.
/// </summary>
internal static class WakePolicy
{
    public static WakeDecision Decide(TimeSpan slept, bool signallingUp, TimeSpan silentFor, TimeSpan livenessTimeout)
    {
        if (slept <= TimeSpan.Zero)
        {
            return WakeDecision.NothingLost;
        }

        if (!signallingUp)
        {
            return WakeDecision.NoSocketToProbe;
        }

        return silentFor >= livenessTimeout ? WakeDecision.DeadAcrossSleep : WakeDecision.Probe;
    }
}

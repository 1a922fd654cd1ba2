namespace Reconnect.Core.Policies;

/// <summary>
/// The ladder of remedies a remote peer climbs after its ICE restart ladder is spent (see <see cref="EscalationOptions"/>):
/// which step follows which, how long each may take to heal, and which steps act on the whole call and are rate-limited
/// call-wide. Pure: the engine keeps each peer's step and round and the instants of the call-wide steps.
/// </summary>
internal static class EscalationLadder
{
    /// <summary>The first step after the ICE restart ladder.</summary>
    public const EscalationStepKind First = EscalationStepKind.FreshConnection;

    /// <summary>The step after <paramref name="step"/>; the last step has none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is the last, or not a step after the ladder.</exception>
    public static EscalationStepKind Next(EscalationStepKind step) => step switch
    {
        EscalationStepKind.FreshConnection => EscalationStepKind.SocketResume,
        EscalationStepKind.SocketResume => EscalationStepKind.Rejoin,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "No step follows."),
    };

    /// <summary>True for the round's last step, whose bound ends the round.</summary>
    public static bool IsLast(EscalationStepKind? step) => step == EscalationStepKind.Rejoin;

    /// <summary>How long the step may take to heal before the next.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The step has no bound (the ICE restart ladder has its own).</exception>
    public static TimeSpan Bound(EscalationStepKind step, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return step switch
        {
            EscalationStepKind.FreshConnection => options.FreshConnectionBound,
            EscalationStepKind.SocketResume => options.SocketResumeBound,
            EscalationStepKind.Rejoin => options.RejoinBound,
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "The ICE restart ladder has its own bounds."),
        };
    }

    /// <summary>The least time between two of the call-wide steps of this kind; null for a step on one peer only.</summary>
    public static TimeSpan? CallWideMinInterval(EscalationStepKind step, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return step switch
        {
            EscalationStepKind.SocketResume => options.SocketResumeMinInterval,
            EscalationStepKind.Rejoin => options.RejoinMinInterval,
            _ => null,
        };
    }
}

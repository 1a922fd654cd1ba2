namespace Reconnect.Testing.Trace;

/// <summary>How much a <see cref="TimelinePrinter"/> shows.</summary>
public enum TimelineVerbosity
{
    /// <summary>Everything but ignored inputs, socket retries and connection builds; no state-change reasons.</summary>
    Normal,

    /// <summary>Every event, and the reason after each state change.</summary>
    Verbose,
}

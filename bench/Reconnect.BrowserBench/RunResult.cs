namespace Reconnect.BrowserBench;

/// <summary>One run of a fault under a policy.</summary>
/// <param name="Fault">The fault's name.</param>
/// <param name="Policy">The page policy.</param>
/// <param name="Index">The run's number, from 1.</param>
/// <param name="Heal">The time from the fault's removal to video flowing both ways again; null when it did not within the cap.</param>
/// <param name="IceRestarts">The ICE restarts both pages traced from the fault's start to the end of the run.</param>
/// <param name="Rebuilds">The media connections both pages built (or replaced) in that time.</param>
/// <param name="Problem">The end-of-call checks' complaint (a page's invariant violation, a replay violation, an unexpected peer-left), or null.</param>
internal sealed record RunResult(string Fault, string Policy, int Index, TimeSpan? Heal, int IceRestarts, int Rebuilds, string? Problem);

namespace Reconnect.Testing.Time;

/// <summary>
/// Decides which of several items due at the same virtual instant runs first. The labels arrive in
/// scheduling order (FIFO); the chooser returns the index of the one to run.
/// </summary>
public interface IEventChooser
{
    /// <summary>Picks one of at least two items due now; returns its index in <paramref name="labelsDueNow"/>.</summary>
    int Choose(IReadOnlyList<string> labelsDueNow);
}

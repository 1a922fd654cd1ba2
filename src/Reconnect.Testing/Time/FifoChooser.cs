namespace Reconnect.Testing.Time;

/// <summary>Runs items due at the same instant in the order they were scheduled.</summary>
public sealed class FifoChooser : IEventChooser
{
    /// <summary>The shared instance; the chooser has no state.</summary>
    public static FifoChooser Instance { get; } = new();

    /// <inheritdoc />
    public int Choose(IReadOnlyList<string> labelsDueNow)
    {
        ArgumentNullException.ThrowIfNull(labelsDueNow);
        return 0;
    }
}

namespace Reconnect.Testing.Time;

/// <summary>
/// Replays a recorded list of choice indices, one per choice point, then falls back to FIFO.
/// A scripted index that does not fit the items offered means the replay diverged, and throws.
/// </summary>
public sealed class ScriptedChooser : IEventChooser
{
    private readonly int[] _script;

    /// <summary>Creates a chooser replaying <paramref name="script"/>.</summary>
    public ScriptedChooser(IEnumerable<int> script)
    {
        ArgumentNullException.ThrowIfNull(script);
        _script = [.. script];
    }

    /// <summary>How many scripted choices have been replayed so far.</summary>
    public int Consumed { get; private set; }

    /// <summary>Whether every scripted choice has been replayed.</summary>
    public bool IsExhausted => Consumed == _script.Length;

    /// <inheritdoc />
    public int Choose(IReadOnlyList<string> labelsDueNow)
    {
        ArgumentNullException.ThrowIfNull(labelsDueNow);
        if (IsExhausted)
        {
            return 0;
        }

        var index = _script[Consumed];
        if (index < 0 || index >= labelsDueNow.Count)
        {
            throw new ReplayDivergedException(Consumed, index, labelsDueNow);
        }

        Consumed++;
        return index;
    }
}

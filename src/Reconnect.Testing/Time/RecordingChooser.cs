namespace Reconnect.Testing.Time;

/// <summary>Wraps a chooser and records every choice it makes, with the number of items offered.</summary>
public sealed class RecordingChooser : IEventChooser
{
    private readonly IEventChooser _inner;
    private readonly List<ChoicePoint> _choices = [];

    /// <summary>Creates a recorder around <paramref name="inner"/>.</summary>
    public RecordingChooser(IEventChooser inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>Every choice made so far, in order.</summary>
    public IReadOnlyList<ChoicePoint> Choices => _choices;

    /// <summary>The chosen indices so far, ready to replay with a <see cref="ScriptedChooser"/>.</summary>
    public IReadOnlyList<int> ChosenIndices => [.. _choices.Select(c => c.Chosen)];

    /// <inheritdoc />
    public int Choose(IReadOnlyList<string> labelsDueNow)
    {
        ArgumentNullException.ThrowIfNull(labelsDueNow);
        var index = _inner.Choose(labelsDueNow);
        _choices.Add(new ChoicePoint(index, labelsDueNow.Count));
        return index;
    }
}

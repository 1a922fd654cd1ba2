using Reconnect.Core.Time;

namespace Reconnect.Testing.Time;

/// <summary>Picks among items due at the same instant with draws from a seeded random source.</summary>
public sealed class SeededChooser : IEventChooser
{
    private readonly DeterministicRandom _random;

    /// <summary>Creates a chooser drawing from <paramref name="random"/>.</summary>
    internal SeededChooser(DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
    }

    /// <summary>Creates a chooser drawing from a source seeded with <paramref name="seed"/>.</summary>
    public SeededChooser(ulong seed)
        : this(DeterministicRandom.FromSeed(seed))
    {
    }

    /// <inheritdoc />
    public int Choose(IReadOnlyList<string> labelsDueNow)
    {
        ArgumentNullException.ThrowIfNull(labelsDueNow);
        return _random.NextInt(0, labelsDueNow.Count);
    }
}

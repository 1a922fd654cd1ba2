namespace Reconnect.Core.Time;

/// <summary>
/// A seeded, splittable random source (SplitMix64). Every draw in a run comes from one seed;
/// <see cref="Fork"/> derives an independent stream by label, so adding a draw in one place does
/// not shift the draws of another.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _state;

    /// <summary>Creates a source from a seed.</summary>
    public DeterministicRandom(ulong seed)
    {
        _state = seed;
        Seed = seed;
    }

    /// <summary>The seed this source was created from.</summary>
    public ulong Seed { get; }

    /// <summary>Creates a source from a seed.</summary>
    public static DeterministicRandom FromSeed(ulong seed) => new(seed);

    /// <summary>Derives an independent source for a label; the parent's sequence is not advanced.</summary>
    public DeterministicRandom Fork(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var hash = 14695981039346656037UL;
        foreach (var c in label)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return new DeterministicRandom(Mix(Seed ^ hash));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [minInclusive, maxExclusive).</summary>
    public int NextInt(int minInclusive, int maxExclusive)
    {
        if (maxExclusive <= minInclusive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), "The range is empty.");
        }

        var span = (ulong)((long)maxExclusive - minInclusive);
        return (int)(minInclusive + (long)(NextUInt64() % span));
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

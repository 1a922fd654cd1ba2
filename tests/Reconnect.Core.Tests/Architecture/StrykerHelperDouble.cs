namespace Stryker0TestDouble;

/// <summary>
/// Stands in for the helper Stryker.NET injects into a mutated assembly: it takes a lock, the kind of thing the purity
/// scan must skip in Stryker's helpers (and only there).
/// </summary>
internal static class MutantControl
{
    private static readonly object Gate = new();

    internal static int Locked()
    {
        lock (Gate)
        {
            return Gate.GetHashCode();
        }
    }

    /// <summary>A type nested in the helper, as the compiler's lambda caches are.</summary>
    internal static class Nested;
}

using System.Collections;

namespace Reconnect.Testing.Scenarios;

/// <summary>Value equality and hashing for the lists and maps inside scenario records.</summary>
internal static class Structural
{
    /// <summary>True when both lists hold equal items in the same order.</summary>
    public static bool ListEquals<T>(IReadOnlyList<T> left, IReadOnlyList<T> right) =>
        ReferenceEquals(left, right) || left.SequenceEqual(right);

    /// <summary>True when both maps hold the same keys with equal values, in any order.</summary>
    public static bool MapEquals<TValue>(IReadOnlyDictionary<string, TValue> left, IReadOnlyDictionary<string, TValue> right) =>
        ReferenceEquals(left, right)
        || (left.Count == right.Count
            && left.All(pair => right.TryGetValue(pair.Key, out var value) && EqualityComparer<TValue>.Default.Equals(value, pair.Value)));

    /// <summary>A hash of a list's items in order.</summary>
    public static int ListHash<T>(IReadOnlyList<T> items)
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>A hash of a map's entries that does not depend on their order.</summary>
    public static int MapHash<TValue>(IReadOnlyDictionary<string, TValue> map)
    {
        var hash = new HashCode();
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(map[key]);
        }

        return hash.ToHashCode();
    }

    /// <summary>True when a value equals a default: by equality, or both being empty collections.</summary>
    public static bool SameAsDefault(object? value, object? defaultValue) =>
        Equals(value, defaultValue)
        || (value is IEnumerable values and not string
            && defaultValue is IEnumerable defaults and not string
            && !values.GetEnumerator().MoveNext()
            && !defaults.GetEnumerator().MoveNext());
}

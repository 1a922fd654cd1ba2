namespace Reconnect.Core.Time;

/// <summary>A point on the engine's monotonic clock, measured from an arbitrary origin.</summary>
public readonly record struct Instant(TimeSpan SinceOrigin) : IComparable<Instant>
{
    /// <summary>The clock's origin.</summary>
    public static Instant Zero => default;

    /// <summary>The latest representable instant, used for "never".</summary>
    public static Instant Never => new(TimeSpan.MaxValue);

    /// <summary>An instant a number of milliseconds after the origin.</summary>
    public static Instant FromMilliseconds(double milliseconds) => new(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>Whole milliseconds since the origin.</summary>
    public long TotalMilliseconds => (long)SinceOrigin.TotalMilliseconds;

    /// <inheritdoc />
    public int CompareTo(Instant other) => SinceOrigin.CompareTo(other.SinceOrigin);

    /// <summary>The instant a duration later, saturating at <see cref="Never"/>.</summary>
    public static Instant operator +(Instant at, TimeSpan by) =>
        at == Never || (by > TimeSpan.Zero && at.SinceOrigin > TimeSpan.MaxValue - by) ? Never : new(at.SinceOrigin + by);

    /// <summary>The duration between two instants.</summary>
    public static TimeSpan operator -(Instant later, Instant earlier) => later.SinceOrigin - earlier.SinceOrigin;

    /// <summary>Orders instants.</summary>
    public static bool operator <(Instant a, Instant b) => a.SinceOrigin < b.SinceOrigin;

    /// <summary>Orders instants.</summary>
    public static bool operator >(Instant a, Instant b) => a.SinceOrigin > b.SinceOrigin;

    /// <summary>Orders instants.</summary>
    public static bool operator <=(Instant a, Instant b) => a.SinceOrigin <= b.SinceOrigin;

    /// <summary>Orders instants.</summary>
    public static bool operator >=(Instant a, Instant b) => a.SinceOrigin >= b.SinceOrigin;

    /// <summary>The later of two instants.</summary>
    public static Instant Max(Instant a, Instant b) => a >= b ? a : b;

    /// <summary>The earlier of two instants.</summary>
    public static Instant Min(Instant a, Instant b) => a <= b ? a : b;

    /// <inheritdoc />
    public override string ToString() => this == Never ? "never" : $"{TotalMilliseconds}ms";
}

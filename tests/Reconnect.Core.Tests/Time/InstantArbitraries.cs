using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Time;

namespace Reconnect.Core.Tests.Time;

/// <summary>A duration of zero or more, up to <see cref="TimeSpan.MaxValue"/>.</summary>
public readonly record struct NonNegativeDuration(TimeSpan Value)
{
    public override string ToString() => $"{Value.Ticks} ticks";
}

/// <summary>The arbitraries the instant properties draw from, registered with <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class InstantArbitraries
{
    /// <summary>Non-negative instants, from the origin to Never, with the ends over-represented.</summary>
    public static Arbitrary<Instant> Instants() =>
        Gen.Frequency(
            (6, AnyTicks().Select(t => new Instant(TimeSpan.FromTicks(t)))),
            (2, Gen.Choose(0, int.MaxValue).Select(ms => Instant.FromMilliseconds(ms))),
            (1, Gen.Elements(Instant.Zero, Instant.Never, new Instant(TimeSpan.MaxValue - TimeSpan.FromTicks(1)))))
        .ToArbitrary();

    /// <summary>Durations from zero to <see cref="TimeSpan.MaxValue"/>, with the ends over-represented.</summary>
    public static Arbitrary<NonNegativeDuration> NonNegativeDurations() =>
        Gen.Frequency(
            (6, AnyTicks().Select(TimeSpan.FromTicks)),
            (2, Gen.Choose(0, int.MaxValue).Select(ms => TimeSpan.FromMilliseconds(ms))),
            (1, Gen.Elements(TimeSpan.Zero, TimeSpan.FromTicks(1), TimeSpan.MaxValue)))
        .Select(d => new NonNegativeDuration(d))
        .ToArbitrary();

    private static Gen<long> AnyTicks() =>
        ArbMap.Default.GeneratorFor<long>().Select(t => t == long.MinValue ? 0 : Math.Abs(t));
}

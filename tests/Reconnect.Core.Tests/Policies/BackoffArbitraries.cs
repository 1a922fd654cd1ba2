using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Reconnect.Core.Tests.Policies;

/// <summary>A retry number, from the first retry to far past the cap.</summary>
public readonly record struct RetryNumber(int Value)
{
    public override string ToString() => $"retry={Value}";
}

/// <summary>A jitter sample in [0, 1).</summary>
public readonly record struct UnitSample(double Value)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"u={Value:R}");
}

/// <summary>A jitter sample outside [0, 1), the non-finite values included.</summary>
public readonly record struct OutsideSample(double Value)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"u={Value:R}");
}

/// <summary>A server-imposed floor under the next delay, from none to two minutes.</summary>
public readonly record struct Floor(TimeSpan Value)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"floor={Value.TotalMilliseconds} ms");
}

/// <summary>The arbitraries the socket backoff properties draw from, registered with <c>[Properties(Arbitrary = ...)]</c>.</summary>
public static class BackoffArbitraries
{
    public static readonly double JustBelowOne = Math.BitDecrement(1.0);

    /// <summary>The interesting low range over-represented.</summary>
    public static Arbitrary<RetryNumber> RetryNumbers() =>
        Gen.Frequency(
            (6, Gen.Choose(1, 20)),
            (3, Gen.Choose(1, 200)),
            (1, Gen.Choose(1, int.MaxValue)))
        .Select(n => new RetryNumber(n))
        .ToArbitrary();

    /// <summary>Uniform, with both ends of the interval over-represented.</summary>
    public static Arbitrary<UnitSample> UnitSamples() =>
        Gen.Frequency(
            (8, Gen.Choose(0, int.MaxValue - 1).Select(i => i / (double)int.MaxValue)),
            (1, Gen.Constant(0.0)),
            (1, Gen.Constant(JustBelowOne)))
        .Select(u => new UnitSample(u))
        .ToArbitrary();

    public static Arbitrary<OutsideSample> OutsideSamples() =>
        Gen.OneOf(
            Gen.Choose(1, int.MaxValue).Select(i => -i / 1000.0),
            Gen.Choose(0, int.MaxValue).Select(i => 1.0 + (i / 1000.0)),
            Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -double.Epsilon, 1.0))
        .Select(u => new OutsideSample(u))
        .ToArbitrary();

    public static Arbitrary<Floor> Floors() =>
        Gen.Choose(0, 120_000).Select(ms => new Floor(TimeSpan.FromMilliseconds(ms))).ToArbitrary();
}

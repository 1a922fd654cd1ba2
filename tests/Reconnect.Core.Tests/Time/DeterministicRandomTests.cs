using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Time;

namespace Reconnect.Core.Tests.Time;

public sealed class DeterministicRandomTests
{
    private static readonly Gen<ulong> AnySeed = Gen.Frequency(
        (4, ArbMap.Default.GeneratorFor<ulong>()),
        (4, Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue))
            .Select(p => ((ulong)(uint)p.Item1 << 32) | (uint)p.Item2)),
        (1, Gen.Elements(0UL, 1UL, ulong.MaxValue)));

    private static readonly Gen<string> Label =
        Gen.ListOf(Gen.Elements('a', 'b', 'k', 'o', 'f', 'x', '-', '.', '0', 'é')).Select(chars => new string([.. chars]));

    private static ulong[] Draws(DeterministicRandom random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => random.NextUInt64())];

    private static string Hex(IEnumerable<ulong> values) => string.Join(",", values.Select(v => v.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_same_seed_gives_the_same_sequence()
    {
        Prop.ForAll(AnySeed.ToArbitrary(), seed =>
        {
            var first = Draws(DeterministicRandom.FromSeed(seed), 16);
            var second = Draws(DeterministicRandom.FromSeed(seed), 16);
            var third = Draws(new DeterministicRandom(seed), 16);
            return (first.SequenceEqual(second) && first.SequenceEqual(third))
                .Label($"seed=0x{seed:x16} first={Hex(first)} second={Hex(second)} third={Hex(third)}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Different_seeds_give_different_sequences()
    {
        var pairs = Gen.Zip(AnySeed, AnySeed).Where(p => p.Item1 != p.Item2).ToArbitrary();

        Prop.ForAll(pairs, p =>
        {
            var (a, b) = p;
            return (!Draws(DeterministicRandom.FromSeed(a), 4).SequenceEqual(Draws(DeterministicRandom.FromSeed(b), 4)))
                .Label($"seeds 0x{a:x16} and 0x{b:x16}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void From_seed_remembers_the_seed()
    {
        Assert.Equal(0xDEADBEEFUL, DeterministicRandom.FromSeed(0xDEADBEEFUL).Seed);
    }

    [Fact]
    public void A_fork_does_not_depend_on_draws_made_on_the_parent()
    {
        var cases = Gen.Zip(Gen.Zip(AnySeed, Label), Gen.Choose(0, 50)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var ((seed, label), parentDraws) = c;
            var untouched = DeterministicRandom.FromSeed(seed);
            var advanced = DeterministicRandom.FromSeed(seed);
            Draws(advanced, parentDraws);
            var fromUntouched = Draws(untouched.Fork(label), 8);
            var fromAdvanced = Draws(advanced.Fork(label), 8);
            return fromUntouched.SequenceEqual(fromAdvanced)
                .Label($"seed=0x{seed:x16} label=\"{label}\" parentDraws={parentDraws}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Forking_does_not_advance_the_parent()
    {
        Prop.ForAll(Gen.Zip(AnySeed, Label).ToArbitrary(), c =>
        {
            var (seed, label) = c;
            var forked = DeterministicRandom.FromSeed(seed);
            forked.Fork(label).NextUInt64();
            return Draws(forked, 8).SequenceEqual(Draws(DeterministicRandom.FromSeed(seed), 8))
                .Label($"seed=0x{seed:x16} label=\"{label}\"");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Forks_by_different_labels_are_independent_of_each_other()
    {
        var cases = Gen.Zip(AnySeed, Gen.Zip(Label, Label).Where(p => p.Item1 != p.Item2)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var (seed, (first, second)) = c;
            var parent = DeterministicRandom.FromSeed(seed);
            var a = parent.Fork(first);
            var b = parent.Fork(second);
            var aDraws = Draws(a, 8);
            var bDraws = Draws(b, 8);
            var aAlone = Draws(DeterministicRandom.FromSeed(seed).Fork(first), 8);
            return (!aDraws.SequenceEqual(bDraws) && aDraws.SequenceEqual(aAlone))
                .Label($"seed=0x{seed:x16} labels \"{first}\" and \"{second}\" a={Hex(aDraws)} b={Hex(bDraws)}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_fork_differs_from_its_parent_and_the_same_label_forks_the_same_stream()
    {
        var parent = DeterministicRandom.FromSeed(42);

        Assert.NotEqual(Draws(DeterministicRandom.FromSeed(42), 8), Draws(parent.Fork("backoff"), 8));
        Assert.Equal(Draws(parent.Fork("backoff"), 8), Draws(DeterministicRandom.FromSeed(42).Fork("backoff"), 8));
        Assert.Equal(parent.Fork("backoff").Seed, DeterministicRandom.FromSeed(42).Fork("backoff").Seed);
        Assert.NotEqual(Draws(parent.Fork("backoff"), 8), Draws(DeterministicRandom.FromSeed(43).Fork("backoff"), 8));
    }

    [Fact]
    public void A_fork_of_a_fork_differs_from_a_fork_of_the_root()
    {
        var root = DeterministicRandom.FromSeed(7);

        Assert.NotEqual(Draws(root.Fork("a").Fork("a"), 8), Draws(root.Fork("a"), 8));
    }

    [Fact]
    public void Next_double_lies_in_the_unit_interval()
    {
        Prop.ForAll(AnySeed.ToArbitrary(), seed =>
        {
            var random = DeterministicRandom.FromSeed(seed);
            var samples = Enumerable.Range(0, 64).Select(_ => random.NextDouble()).ToArray();
            var outside = samples.Where(d => d is < 0 or >= 1 || double.IsNaN(d)).ToArray();
            return (outside.Length == 0).Label($"seed=0x{seed:x16} outside={string.Join(",", outside)}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Next_double_spreads_over_the_unit_interval()
    {
        var random = DeterministicRandom.FromSeed(2024);
        var buckets = new int[10];
        for (var i = 0; i < 10_000; i++)
        {
            buckets[(int)(random.NextDouble() * 10)]++;
        }

        Assert.All(buckets, count => Assert.InRange(count, 850, 1_150));
    }

    [Fact]
    public void Next_int_lies_in_its_range()
    {
        var bound = Gen.Frequency(
            (3, ArbMap.Default.GeneratorFor<int>()),
            (1, Gen.Choose(int.MinValue, int.MaxValue)),
            (1, Gen.Elements(int.MinValue, int.MaxValue, 0, -1, 1)));
        var cases = Gen.Zip(AnySeed, Gen.Zip(bound, bound).Where(p => p.Item1 != p.Item2)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var (seed, (x, y)) = c;
            var (min, max) = x < y ? (x, y) : (y, x);
            var random = DeterministicRandom.FromSeed(seed);
            var outside = Enumerable.Range(0, 32).Select(_ => random.NextInt(min, max)).Where(v => v < min || v >= max).ToArray();
            return (outside.Length == 0).Label($"seed=0x{seed:x16} range=[{min}, {max}) outside={string.Join(",", outside)}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Next_int_over_a_range_of_one_always_gives_its_minimum()
    {
        var random = DeterministicRandom.FromSeed(3);

        Assert.All(Enumerable.Range(0, 16), _ => Assert.Equal(-5, random.NextInt(-5, -4)));
    }

    [Fact]
    public void Next_int_reaches_every_value_of_a_small_range()
    {
        var random = DeterministicRandom.FromSeed(11);

        var seen = Enumerable.Range(0, 200).Select(_ => random.NextInt(3, 9)).Distinct().Order();

        Assert.Equal([3, 4, 5, 6, 7, 8], seen);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 4)]
    [InlineData(int.MaxValue, int.MinValue)]
    public void Next_int_over_an_empty_range_is_rejected(int min, int max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeterministicRandom.FromSeed(1).NextInt(min, max));
    }

    [Fact]
    public void Fork_requires_a_label()
    {
        Assert.Throws<ArgumentNullException>(() => DeterministicRandom.FromSeed(1).Fork(null!));
    }
}

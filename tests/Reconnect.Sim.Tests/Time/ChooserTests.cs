using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Time;
using Reconnect.Testing.Time;

namespace Reconnect.Sim.Tests.Time;

public sealed class ChooserTests
{
    [Fact]
    public void Same_seed_gives_the_same_event_order()
    {
        var seeds = Gen.Choose(int.MinValue, int.MaxValue).Two()
            .Select(pair => ((ulong)(uint)pair.Item1 << 32) | (uint)pair.Item2);
        var shapes = Gen.Choose(1, 3).ListOf(12).Select(dueSeconds => dueSeconds.ToArray());
        var cases = Gen.Zip(seeds, shapes).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var (seed, dueSeconds) = c;
            var first = RunScenario(new SeededChooser(seed), dueSeconds);
            var second = RunScenario(new SeededChooser(seed), dueSeconds);
            Assert.True(
                first.SequenceEqual(second),
                $"SEED=0x{seed:X16} due=[{string.Join(",", dueSeconds)}] first=[{string.Join(",", first)}] "
                + $"second=[{string.Join(",", second)}]");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Seeded_chooser_reorders_same_instant_items_for_some_seed()
    {
        var fifo = RunScenario(FifoChooser.Instance, [1, 1, 1, 1, 1]);

        var reordered = Enumerable.Range(0, 32)
            .Select(seed => RunScenario(new SeededChooser((ulong)seed), [1, 1, 1, 1, 1]))
            .Any(order => !order.SequenceEqual(fifo));

        Assert.True(reordered);
    }

    [Fact]
    public void Seeded_chooser_draws_from_the_given_random_source()
    {
        var chooser = new SeededChooser(DeterministicRandom.FromSeed(7));
        var expected = DeterministicRandom.FromSeed(7);
        string[] labels = ["a", "b", "c", "d", "e"];

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(expected.NextInt(0, labels.Length), chooser.Choose(labels));
        }
    }

    [Fact]
    public void Scripted_chooser_replays_its_script_then_falls_back_to_fifo()
    {
        var chooser = new ScriptedChooser([2, 1]);
        string[] labels = ["a", "b", "c"];

        Assert.Equal(2, chooser.Choose(labels));
        Assert.False(chooser.IsExhausted);
        Assert.Equal(1, chooser.Choose(labels));
        Assert.True(chooser.IsExhausted);
        Assert.Equal(0, chooser.Choose(labels));
        Assert.Equal(2, chooser.Consumed);
    }

    [Fact]
    public void Scripted_chooser_rejects_a_choice_that_does_not_fit_what_is_offered()
    {
        var chooser = new ScriptedChooser([3]);

        var error = Assert.Throws<ReplayDivergedException>(() => chooser.Choose(["a", "b"]));

        Assert.Contains("diverged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recorded_choices_replay_the_same_order_through_a_scripted_chooser()
    {
        int[] dueSeconds = [1, 1, 2, 1, 2, 2, 3, 1];
        var recorder = new RecordingChooser(new SeededChooser(0xC0FFEEUL));
        var recorded = RunScenario(recorder, dueSeconds);

        var replayed = RunScenario(new ScriptedChooser(recorder.ChosenIndices), dueSeconds);

        Assert.Equal(recorded, replayed);
    }

    [Fact]
    public void Recording_chooser_records_each_choice_with_the_count_offered()
    {
        var recorder = new RecordingChooser(new ScriptedChooser([1, 0]));

        recorder.Choose(["a", "b", "c"]);
        recorder.Choose(["a", "b"]);

        Assert.Equal([new ChoicePoint(1, 3), new ChoicePoint(0, 2)], recorder.Choices);
        Assert.Equal([1, 0], recorder.ChosenIndices);
    }

    [Fact]
    public void Chooser_is_not_consulted_when_only_one_item_is_due()
    {
        var recorder = new RecordingChooser(FifoChooser.Instance);
        var time = new VirtualTimeProvider(recorder);
        time.Schedule(TimeSpan.FromSeconds(1), () => { }, "a");
        time.Schedule(TimeSpan.FromSeconds(2), () => { }, "b");

        time.RunUntilIdle();

        Assert.Empty(recorder.Choices);
    }

    private static List<string> RunScenario(IEventChooser chooser, int[] dueSeconds)
    {
        var time = new VirtualTimeProvider(chooser);
        var ran = new List<string>();
        for (var i = 0; i < dueSeconds.Length; i++)
        {
            var label = $"item{i}";
            var spawnsFollowUp = i % 3 == 0;
            time.Schedule(
                TimeSpan.FromSeconds(dueSeconds[i]),
                () =>
                {
                    ran.Add(label);
                    if (spawnsFollowUp)
                    {
                        time.Schedule(TimeSpan.Zero, () => ran.Add(label + "'"), label + "'");
                    }
                },
                label);
        }

        time.RunUntilIdle();
        return ran;
    }
}

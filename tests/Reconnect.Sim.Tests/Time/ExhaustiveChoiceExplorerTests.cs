using Reconnect.Testing.Time;

namespace Reconnect.Sim.Tests.Time;

public sealed class ExhaustiveChoiceExplorerTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 6)]
    [InlineData(4, 24)]
    public void Explorer_enumerates_every_ordering_of_n_items_due_at_the_same_instant(int n, int factorial)
    {
        var runs = ExhaustiveChoiceExplorer.Explore(chooser => RunSameInstant(chooser, n)).ToList();

        Assert.Equal(factorial, runs.Count);
        Assert.Equal(factorial, runs.Select(r => r.Result).Distinct(StringComparer.Ordinal).Count());
        var expectedItems = string.Join(",", Enumerable.Range(0, n).Select(i => $"item{i}"));
        Assert.All(runs, r => Assert.Equal(expectedItems, string.Join(",", r.Result.Split(',').Order(StringComparer.Ordinal))));
        Assert.Equal(Enumerable.Range(0, factorial), runs.Select(r => r.Index));
    }

    [Fact]
    public void Explorer_runs_fifo_first_and_records_the_branching_factor_of_each_step()
    {
        var runs = ExhaustiveChoiceExplorer.Explore(chooser => RunSameInstant(chooser, 3)).ToList();

        Assert.Equal("item0,item1,item2", runs[0].Result);
        Assert.Equal([new ChoicePoint(0, 3), new ChoicePoint(0, 2)], runs[0].Choices);
        Assert.Equal("item2,item1,item0", runs[^1].Result);
        Assert.Equal([2, 1], runs[^1].Script);
    }

    [Fact]
    public void Explorer_multiplies_choices_across_separate_instants()
    {
        var runs = ExhaustiveChoiceExplorer.Explore(chooser =>
        {
            var time = new VirtualTimeProvider(chooser);
            var ran = new List<string>();
            foreach (var (label, seconds) in new[] { ("a", 1), ("b", 1), ("c", 2), ("d", 2) })
            {
                time.Schedule(TimeSpan.FromSeconds(seconds), () => ran.Add(label), label);
            }

            time.RunUntilIdle();
            return string.Concat(ran);
        }).Select(r => r.Result).ToList();

        Assert.Equal(["abcd", "abdc", "bacd", "badc"], runs);
    }

    [Fact]
    public void Each_explored_script_replays_its_run()
    {
        foreach (var run in ExhaustiveChoiceExplorer.Explore(chooser => RunSameInstant(chooser, 3)))
        {
            Assert.Equal(run.Result, RunSameInstant(new ScriptedChooser(run.Script), 3));
        }
    }

    [Fact]
    public void Explorer_throws_when_orderings_remain_after_the_run_cap()
    {
        var explored = 0;

        var error = Assert.Throws<ExplorationCapExceededException>(() =>
        {
            foreach (var run in ExhaustiveChoiceExplorer.Explore(chooser => RunSameInstant(chooser, 4), maxRuns: 10))
            {
                explored++;
            }
        });

        Assert.Equal(10, explored);
        Assert.Equal(10, error.MaxRuns);
        Assert.NotEmpty(error.NextScript);
    }

    [Fact]
    public void Explorer_can_be_bounded_on_purpose_by_taking_fewer_runs()
    {
        var runs = ExhaustiveChoiceExplorer.Explore(chooser => RunSameInstant(chooser, 4), maxRuns: 10).Take(10).ToList();

        Assert.Equal(10, runs.Count);
    }

    [Fact]
    public void Explorer_rejects_a_run_that_does_not_replay_its_script()
    {
        var calls = 0;

        var error = Assert.Throws<InvalidOperationException>(() =>
            ExhaustiveChoiceExplorer.Explore(chooser => RunSameInstant(chooser, ++calls == 1 ? 3 : 1)).ToList());

        Assert.Contains("not deterministic", error.Message, StringComparison.Ordinal);
    }

    private static string RunSameInstant(IEventChooser chooser, int n)
    {
        var time = new VirtualTimeProvider(chooser);
        var ran = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var label = $"item{i}";
            time.Schedule(TimeSpan.FromSeconds(1), () => ran.Add(label), label);
        }

        time.RunUntilIdle();
        return string.Join(",", ran);
    }
}

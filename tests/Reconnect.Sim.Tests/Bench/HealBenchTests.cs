using System.Globalization;
using Reconnect.Sim.Bench;

namespace Reconnect.Sim.Tests.Bench;

public sealed class HealBenchTests
{
    [Fact]
    public void Quick_bench_over_one_outage_prints_both_policies_for_both_rows_and_the_worst_ratio_last()
    {
        var settings = HealBenchSettings.Quick with { OutagesSeconds = [5] };
        var output = new StringWriter(CultureInfo.InvariantCulture);

        HealBenchPrinter.Write(HealBench.Run(settings), output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var text = output.ToString();
        var header = Assert.Single(lines, l => l.Contains("reconnect p50", StringComparison.Ordinal));
        Assert.Contains("reconnect p99", header, StringComparison.Ordinal);
        Assert.Contains("baseline p50", header, StringComparison.Ordinal);
        Assert.Contains("baseline p99", header, StringComparison.Ordinal);
        Assert.Contains("ratio p99", header, StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("   5 s  with ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("   5 s  without ", StringComparison.Ordinal));
        Assert.True(lines[^3].StartsWith("sim speed: 2-peer room ", StringComparison.Ordinal), text);
        Assert.True(lines[^2].StartsWith("schedules explored per minute: ", StringComparison.Ordinal), text);
        Assert.Matches(@"^heal p99 ratio reconnect/baseline: \d+\.\d\d$", lines[^1]);
    }

    [Fact]
    public void The_last_line_is_the_largest_p99_ratio_over_the_cells_with_two_decimals()
    {
        var report = new HealBenchReport(
            3,
            [
                new HealCellResult(new HealCell(1, true), Stats(100, 500), Stats(100, 1_000)),
                new HealCellResult(new HealCell(1, false), Stats(100, 1_254), Stats(100, 1_000)),
                new HealCellResult(new HealCell(5, true), Stats(100, 300), Stats(100, 1_000)),
            ],
            null);
        var output = new StringWriter(CultureInfo.InvariantCulture);

        HealBenchPrinter.Write(report, output);

        Assert.EndsWith("\nheal p99 ratio reconnect/baseline: 1.25" + Environment.NewLine, output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sim speed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Heal_figures_depend_only_on_the_settings_not_on_how_the_parallel_runs_interleave()
    {
        var settings = new HealBenchSettings(3, [1], null);

        var first = HealBench.Run(settings);
        var second = HealBench.Run(settings);

        Assert.Equal(first.Rows, second.Rows);
    }

    [Fact]
    public void With_the_network_signal_reconnect_heals_a_5_s_outage_faster_at_p50_than_without()
    {
        var seeds = Enumerable.Range(1, 7).Select(s => (ulong)s).ToList();
        var with = seeds.Select(seed => HealSample.Measure(HealPolicy.Reconnect, new HealCell(5, true), seed)).ToList();
        var without = seeds.Select(seed => HealSample.Measure(HealPolicy.Reconnect, new HealCell(5, false), seed)).ToList();

        var withP50 = Percentile.NearestRank(with.Select(s => s.HealMsOrInfinity).ToList(), 50);
        var withoutP50 = Percentile.NearestRank(without.Select(s => s.HealMsOrInfinity).ToList(), 50);

        Assert.True(
            withP50 < withoutP50,
            $"seeds 1..7: p50 with the signal {withP50} ms, without {withoutP50} ms; with [{Describe(with)}], without [{Describe(without)}]");
    }

    private static HealStats Stats(double p50Ms, double p99Ms) => new(p50Ms, p99Ms, 3, 0, 0);

    private static string Describe(IEnumerable<HealSample> samples) =>
        string.Join(", ", samples.Select(s => $"seed {s.Seed}: {s.HealMs?.ToString(CultureInfo.InvariantCulture) ?? "never"}"));
}

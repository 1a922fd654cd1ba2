using System.Globalization;
using Reconnect.Core.Policies;
using Reconnect.Sim.Bench;

namespace Reconnect.Sim.Tests.Bench;

public sealed class HealBenchTests
{
    [Fact]
    public void Quick_bench_prints_one_row_per_cell_with_the_ratio_line_before_the_goal_line_last()
    {
        var settings = HealBenchSettings.Quick with { Seeds = 2, Kinds = [OutageKind.Offline, OutageKind.MediaOnly], OutagesSeconds = [5], Speed = null };
        var report = HealBench.Run(settings);
        var output = new StringWriter(CultureInfo.InvariantCulture);

        HealBenchPrinter.Write(report, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(3, report.Rows.Count);
        Assert.Single(lines, l => l.StartsWith("offline          5 s  with ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("offline          5 s  without ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("media-only       5 s  -  ", StringComparison.Ordinal));
        Assert.Equal(HealBenchPrinter.RatioLinePrefix + report.WorstP99Ratio.ToString("0.00", CultureInfo.InvariantCulture), lines[^2]);
        Assert.Equal(HealBenchPrinter.GoalLinePrefix + report.WorstGoalRatio.ToString("0.00", CultureInfo.InvariantCulture), lines[^1]);
    }

    [Fact]
    public void The_goal_line_is_the_largest_reconnect_p99_over_its_cell_goal_and_the_ratio_line_the_largest_p99_ratio()
    {
        var report = new HealBenchReport(
            3,
            [
                new HealCellResult(new HealCell(OutageKind.Offline, 1, true), Stats(100, 500), Stats(100, 1_000)),
                new HealCellResult(new HealCell(OutageKind.Offline, 1, false), Stats(100, 1_254), Stats(100, 1_000)),
                new HealCellResult(new HealCell(OutageKind.Blackhole, 5, false), Stats(100, 3_000), Stats(100, 8_000)),
            ],
            null);
        var output = new StringWriter(CultureInfo.InvariantCulture);

        HealBenchPrinter.Write(report, output);

        var text = output.ToString();
        Assert.EndsWith(
            "\nheal p99 ratio reconnect/baseline: 1.25" + Environment.NewLine + "heal p99 worst cell vs goal: 2.28" + Environment.NewLine,
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("sim speed", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_000.0, 550.0)]
    [InlineData(2_200.0, 550.0)]
    [InlineData(2_400.0, 600.0)]
    [InlineData(35_000.0, 8_750.0)]
    public void The_goal_is_a_quarter_of_the_baseline_p99_but_never_below_five_round_trips_plus_100_ms(double baselineP99Ms, double goalMs)
    {
        Assert.Equal(90.0, HealGoal.RoundTripMs);
        Assert.Equal(goalMs, HealGoal.P99GoalMs(baselineP99Ms), 6);
    }

    [Fact]
    public void A_cell_over_the_baseline_attempt_rate_misses_its_goal_however_fast_it_heals()
    {
        var row = new HealCellResult(new HealCell(OutageKind.Offline, 30, false), Stats(100, 200, attempts: 9), Stats(100, 30_000, attempts: 4));

        Assert.True(row.GoalRatio < 1);
        Assert.False(row.CostMet);
    }

    [Fact]
    public void Cells_run_by_kind_then_length_with_a_signal_pair_only_for_kinds_the_operating_system_sees_and_one_row_for_frozen_media()
    {
        var settings = new HealBenchSettings(1, OutageKinds.All, [1, 5], null);

        Assert.Equal(
            [
                "offline 1 with", "offline 1 without", "offline 5 with", "offline 5 without",
                "blackhole 1 -", "blackhole 5 -", "server-crash 1 -", "server-crash 5 -", "media-only 1 -", "media-only 5 -",
                "handoff 1 with", "handoff 1 without", "handoff 5 with", "handoff 5 without", "frozen-media 1 -",
            ],
            settings.Cells.Select(c => $"{c.Kind.Label()} {c.OutageSeconds} {c.SignalLabel}"));
    }

    [Fact]
    public void Heal_figures_depend_only_on_the_settings_not_on_how_the_parallel_runs_interleave()
    {
        var settings = new HealBenchSettings(3, [OutageKind.Offline, OutageKind.ServerCrash], [1], null);

        var first = HealBench.Run(settings);
        var second = HealBench.Run(settings);

        Assert.Equal(first.Rows, second.Rows);
    }

    [Fact]
    public void Without_the_network_signal_a_5_s_outage_heals_within_one_fast_offline_probe_gap_of_the_signalled_heal()
    {
        var seeds = Enumerable.Range(1, 7).Select(s => (ulong)s).ToList();
        var with = seeds.Select(seed => HealSample.Measure(HealPolicy.Reconnect, new HealCell(OutageKind.Offline, 5, true), seed)).ToList();
        var without = seeds.Select(seed => HealSample.Measure(HealPolicy.Reconnect, new HealCell(OutageKind.Offline, 5, false), seed)).ToList();
        var gap = new SocketBackoffOptions().OfflineFastProbeInterval * (1 + new SocketBackoffOptions().JitterFraction);

        Assert.All(
            seeds.Select((seed, i) => (seed, With: with[i].HealMsOrInfinity, Without: without[i].HealMsOrInfinity)),
            s => Assert.True(
                s.Without <= s.With + gap.TotalMilliseconds,
                $"SEED=0x{s.seed:x}: without the signal {s.Without} ms, with it {s.With} ms; the fast probe gap is at most {gap.TotalMilliseconds} ms"));
    }

    [Fact]
    public void Attempts_count_only_connections_that_reach_the_server_from_the_cut_off_clients()
    {
        var mediaOnly = HealSample.Measure(HealPolicy.Baseline, new HealCell(OutageKind.MediaOnly, 15, false), 1);
        var crash = HealSample.Measure(HealPolicy.Baseline, new HealCell(OutageKind.ServerCrash, 15, false), 1);

        Assert.Equal(0, mediaOnly.AttemptsPerClientMinute);
        Assert.True(crash.AttemptsPerClientMinute > 0, $"seed 1: a 15 s server crash gave {crash.AttemptsPerClientMinute} attempts per client per minute");
    }

    private static HealStats Stats(double p50Ms, double p99Ms, double attempts = 0) => new(p50Ms, p99Ms, 3, 0, 0, attempts);
}

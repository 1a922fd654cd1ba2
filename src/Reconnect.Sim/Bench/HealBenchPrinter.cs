using System.Globalization;

namespace Reconnect.Sim.Bench;

/// <summary>
/// Writes a heal bench report: a header, the table, run counts, the simulator's speed, the worst reconnect/baseline
/// ratio and, last, the worst cell against its goal.
/// </summary>
internal static class HealBenchPrinter
{
    /// <summary>The start of the line before last, followed by the worst p99 ratio with two decimals.</summary>
    public const string RatioLinePrefix = "heal p99 ratio reconnect/baseline: ";

    /// <summary>The start of the last line, followed by the largest reconnect p99 over its cell's goal with two decimals.</summary>
    public const string GoalLinePrefix = "heal p99 worst cell vs goal: ";

    /// <summary>Writes the report.</summary>
    public static void Write(HealBenchReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("bench heal: virtual time from the end of an outage to the first heal after it (frozen-media: from its onset; it has no end)");
        output.WriteLine("(2 peers, a camera each; heal = frames flowing both ways and rosters equal to the server's)");
        output.WriteLine(Invariant($"seeds 1..{report.Seeds} per cell and policy; percentiles by nearest rank"));
        output.WriteLine("reconnect: default ReconnectOptions, peer A gets the network-change signal in the 'with' rows");
        output.WriteLine("baseline:  same socket backoff, ICE ladder only on failed, media rebuilt after every socket reconnect, no media watchdog, no signal in any row");
        output.WriteLine(Invariant(
            $"goal: reconnect p99 <= max({HealGoal.BaselineShare:0.00} x baseline p99, {HealGoal.RoundTrips} RTT + {HealGoal.AllowanceMs:0} ms = {Seconds(HealGoal.FloorMs)}) and attempts/min <= baseline's"));
        output.WriteLine("attempts/min: signalling connection attempts reaching the server per cut-off client per minute of outage (mean)");
        output.WriteLine();
        output.WriteLine(Invariant(
            $"{"kind",-12}  {"outage",6}  {"signal",-7}  {"reconnect p50",13}  {"reconnect p99",13}  {"baseline p50",12}  {"baseline p99",12}  {"ratio p99",9}  {"goal p99",9}  {"p99/goal",8}  {"att/min rc",10}  {"att/min bl",10}  {"met",3}"));
        foreach (var row in report.Rows)
        {
            var met = row.GoalRatio <= 1 && row.CostMet ? "yes" : "no";
            output.WriteLine(Invariant(
                $"{row.Cell.Kind.Label(),-12}  {Outage(row.Cell),6}  {row.Cell.SignalLabel,-7}  {Seconds(row.Reconnect.P50Ms),13}  {Seconds(row.Reconnect.P99Ms),13}  {Seconds(row.Baseline.P50Ms),12}  {Seconds(row.Baseline.P99Ms),12}  {Ratio(row.P99Ratio),9}  {Seconds(row.GoalMs),9}  {Ratio(row.GoalRatio),8}  {row.Reconnect.AttemptsPerClientMinute,10:0.00}  {row.Baseline.AttemptsPerClientMinute,10:0.00}  {met,3}"));
        }

        output.WriteLine();
        var stats = report.Rows.SelectMany(row => new[] { row.Reconnect, row.Baseline }).ToList();
        output.WriteLine(Invariant(
            $"runs {stats.Sum(s => s.Runs)}: not healed within {HealScenario.RecoveryBoundMs / 1000} s {stats.Sum(s => s.NotHealed)}; with invariant violations {stats.Sum(s => s.WithViolations)}"));
        output.WriteLine(Invariant(
            $"cells meeting the goal: {report.Rows.Count(r => r.GoalRatio <= 1 && r.CostMet)} of {report.Rows.Count}; over the attempt budget: {report.Rows.Count(r => !r.CostMet)}"));
        if (report.Speed is { } speed)
        {
            output.WriteLine("sim speed: " + string.Join("; ", speed.Rooms.Select(Room)));
            output.WriteLine(Invariant(
                $"schedules explored per minute: {speed.SchedulesPerMinute:0} ({speed.ScheduleSource}, {speed.Workers} workers)"));
        }

        output.WriteLine(RatioLinePrefix + Ratio(report.WorstP99Ratio));
        output.WriteLine(GoalLinePrefix + Ratio(report.WorstGoalRatio));
    }

    private static string Outage(HealCell cell) => cell.Kind.HasLength() ? Invariant($"{cell.OutageSeconds,4} s") : "-";

    private static string Room(RoomSpeed room) =>
        Invariant($"{room.Room.Peers}-peer room {Rate(room.VirtualPerWall)} virtual s per wall s over {room.Room.Measured.TotalSeconds:0} virtual s{(room.SteadyWhenMeasured ? string.Empty : " (still joining when measured)")}");

    private static string Rate(double perWall) => perWall.ToString(perWall < 1 ? "0.000" : "0.0", CultureInfo.InvariantCulture);

    private static string Seconds(double ms) =>
        double.IsPositiveInfinity(ms) ? "never" : Invariant($"{ms / 1000.0:0.000} s");

    private static string Ratio(double ratio) => ratio switch
    {
        double.NaN => "n/a",
        double.PositiveInfinity => "inf",
        _ => Invariant($"{ratio:0.00}"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

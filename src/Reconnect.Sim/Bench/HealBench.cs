namespace Reconnect.Sim.Bench;

/// <summary>
/// The heal bench: for every cell (outage kind x length x network signal) and both policies, runs seeds 1..N
/// through independent <see cref="Testing.World.SimWorld"/>s in parallel and ranks the virtual time each took to heal.
/// </summary>
internal static class HealBench
{
    private static readonly HealPolicy[] Policies = [HealPolicy.Reconnect, HealPolicy.Baseline];

    /// <summary>Runs the bench; the result depends only on the settings, except the speed figures.</summary>
    /// <param name="settings">What to run.</param>
    /// <param name="done">Told the number of runs finished so far, from any thread, after each run.</param>
    public static HealBenchReport Run(HealBenchSettings settings, IProgress<int>? done = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Seeds, 1);
        var cells = settings.Cells;
        var jobs = (
            from cell in cells
            from policy in Policies
            from seed in Enumerable.Range(1, settings.Seeds)
            select (Cell: cell, Policy: policy, Seed: (ulong)seed)).ToList();
        var samples = new HealSample[jobs.Count];
        var finished = 0;
        Parallel.For(0, jobs.Count, i =>
        {
            samples[i] = HealSample.Measure(jobs[i].Policy, jobs[i].Cell, jobs[i].Seed);
            done?.Report(Interlocked.Increment(ref finished));
        });

        var rows = cells.Select((cell, c) =>
        {
            var first = c * Policies.Length * settings.Seeds;
            return new HealCellResult(
                cell,
                HealStats.Of(samples[first..(first + settings.Seeds)]),
                HealStats.Of(samples[(first + settings.Seeds)..(first + (2 * settings.Seeds))]));
        }).ToList();
        var speed = settings.Speed is { } speedSettings ? SimSpeed.Measure(speedSettings) : null;
        return new HealBenchReport(settings.Seeds, rows, speed);
    }
}

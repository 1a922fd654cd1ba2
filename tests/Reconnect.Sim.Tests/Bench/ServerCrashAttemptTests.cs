using System.Globalization;
using Reconnect.Sim.Bench;

namespace Reconnect.Sim.Tests.Bench;

/// <summary>
/// Issue 6: while a crashed server refuses connections, the library knocks no more often than the baseline's plain
/// exponential backoff: a refusal lifts the resume window's 2 s cap.
/// </summary>
public sealed class ServerCrashAttemptTests
{
    private static readonly ulong[] Seeds = [1, 2, 3, 4, 5];

    [Fact]
    public void During_a_60_s_server_crash_the_library_reaches_the_server_no_more_often_than_the_baseline()
    {
        var cell = new HealCell(OutageKind.ServerCrash, 60, NetworkSignal: false);

        var reconnect = Seeds.Select(seed => HealSample.Measure(HealPolicy.Reconnect, cell, seed)).ToList();
        var baseline = Seeds.Select(seed => HealSample.Measure(HealPolicy.Baseline, cell, seed)).ToList();

        var detail = string.Join(
            "\n",
            Seeds.Select((seed, i) => string.Create(
                CultureInfo.InvariantCulture,
                $"SEED=0x{seed:x}: reconnect {reconnect[i].AttemptsPerClientMinute:0.00}/min, baseline {baseline[i].AttemptsPerClientMinute:0.00}/min")));
        var mean = reconnect.Average(s => s.AttemptsPerClientMinute);
        var baselineMean = baseline.Average(s => s.AttemptsPerClientMinute);
        Assert.True(mean <= baselineMean, string.Create(CultureInfo.InvariantCulture, $"mean {mean:0.00} > baseline {baselineMean:0.00} attempts per client per minute\n{detail}"));
        Assert.All(reconnect.Concat(baseline), s => Assert.True(s.HealMs is not null && s.Violations == 0, $"SEED=0x{s.Seed:x}: {s}"));
    }
}

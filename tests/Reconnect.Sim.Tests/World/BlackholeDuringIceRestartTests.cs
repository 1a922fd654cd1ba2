using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

public sealed class BlackholeDuringIceRestartTests
{
    private const long BlackholeEndsAtMs = 20_000;
    private const long HealWithinMs = 2_000;

    [Fact]
    public void A_blackhole_that_ends_while_ice_restarts_are_pending_heals_on_the_old_pair_within_2_s_and_stops_the_ladder()
    {
        var scenario = ScenarioLibrary.Resolve("blackhole-during-ice-restart");
        var failures = new List<string>();

        for (var seed = 1UL; seed <= 20; seed++)
        {
            var result = new SimWorld(scenario, seed).Run();
            var events = result.Trace.Events;
            var restartsDuring = events.Count(e => e.Event == TraceEventKind.IceRestart && e.T < BlackholeEndsAtMs);
            var heal = events.FirstOrDefault(e => e.Event == TraceEventKind.Heal && e.T >= BlackholeEndsAtMs);
            var restartsAfter = heal is null ? 0 : events.Count(e => e.Event == TraceEventKind.IceRestart && e.T > heal.T);
            if (restartsDuring == 0 || heal is null || heal.T - BlackholeEndsAtMs > HealWithinMs || restartsAfter > 0 || !result.Passed(healExpected: true))
            {
                failures.Add($"SEED=0x{seed:x}: restarts during the blackhole {restartsDuring}, heal at {heal?.T.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "never"} ms, restarts after it {restartsAfter}, {string.Join("; ", result.Violations.Concat(result.Misses))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

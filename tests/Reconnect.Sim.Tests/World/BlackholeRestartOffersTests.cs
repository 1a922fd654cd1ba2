using System.Globalization;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

public sealed class BlackholeRestartOffersTests
{
    private const long BlackholeEndsAtMs = 35_000;
    private const long HealWithinMs = 2_000;

    [Fact]
    public void Restart_offers_piled_up_in_a_stalled_socket_heal_within_2_s_of_their_arrival_on_the_answer_to_the_newest_offer()
    {
        var scenario = ScenarioLibrary.Resolve("blackhole-30s-restart-offers");
        var failures = new List<string>();

        for (var seed = 1UL; seed <= 10; seed++)
        {
            var result = new SimWorld(scenario, seed).Run();
            var events = result.Trace.Events;
            var offersDuring = events.Count(e => e.Event == TraceEventKind.IceRestart && e.T < BlackholeEndsAtMs);
            var staleAnswers = events.Where(e => e.Event == TraceEventKind.Ignored && e.T >= BlackholeEndsAtMs && (e.Reason ?? string.Empty).StartsWith("stale answer", StringComparison.Ordinal)).ToList();
            var arrival = staleAnswers.FirstOrDefault()?.T;
            var heal = events.FirstOrDefault(e => e.Event == TraceEventKind.Heal && e.T >= BlackholeEndsAtMs);
            var restartsAfter = heal is null ? 0 : events.Count(e => e.Event == TraceEventKind.IceRestart && e.T > heal.T);
            if (offersDuring < 4 || arrival is null || heal is null || heal.T - arrival > HealWithinMs || restartsAfter > 0 || !result.Passed(healExpected: true))
            {
                failures.Add($"SEED=0x{seed:x}: restart offers during the blackhole {offersDuring}, stale answers ignored {staleAnswers.Count} (first at {Ms(arrival)} ms), heal at {Ms(heal?.T)} ms, restarts after it {restartsAfter}, {string.Join("; ", result.Violations.Concat(result.Misses))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Ms(long? t) => t?.ToString(CultureInfo.InvariantCulture) ?? "never";
}

using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

/// <summary>The reconnecting-banner scenario: the blip is never shown, the long drop is shown once and recovered once.</summary>
public sealed class ReconnectingBannerTests
{
    private const long LongDropAtMs = 20_000;

    [Fact]
    public void The_blip_is_never_shown_and_the_long_drop_is_shown_at_1_s_then_recovered_once()
    {
        var scenario = ScenarioLibrary.Resolve("reconnecting-banner");
        var failures = new List<string>();

        for (var seed = 1UL; seed <= 10; seed++)
        {
            var result = new SimWorld(scenario, seed).Run();
            var local = result.Trace.Events.Where(e => e.Peer == "A" && e.Remote is null).ToList();
            var shown = local.Where(e => e.Event == TraceEventKind.ReconnectingVisible).Select(e => (e.T, e.DelayMs)).ToList();
            var recovered = local.Where(e => e.Event == TraceEventKind.ReconnectingRecovered).Select(e => e.T).ToList();
            if (shown.Count != 1 || shown[0] != (LongDropAtMs + 1_000, 1_000) || recovered.Count != 1 || recovered[0] <= shown[0].T || !result.Passed(healExpected: true))
            {
                failures.Add($"SEED=0x{seed:x}: shown [{string.Join(", ", shown)}], recovered at [{string.Join(", ", recovered)}], {string.Join("; ", result.Violations.Concat(result.Misses))}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

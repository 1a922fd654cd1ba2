using Reconnect.Core.Policies;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

/// <summary>Tokens with a lifetime: refreshed over the open socket they never cost a reconnect; unrefreshed, the server enforces their expiry.</summary>
public sealed class TokenLifetimeTests
{
    [Fact]
    public void A_two_hour_call_on_ten_minute_tokens_keeps_each_first_socket_and_refreshes_every_token_in_time()
    {
        var result = new SimWorld(ScenarioLibrary.Resolve("two-hour-call-ten-minute-tokens")).Run();

        Assert.True(result.Passed(true), $"SEED=0x{result.Seed:x}: {string.Join("\n", result.Violations.Concat(result.Misses))}");
        foreach (var peer in new[] { "A", "B" })
        {
            var events = result.Trace.Events.Where(e => e.Peer == peer).ToList();
            Assert.True(events.Count(e => e.Event == TraceEventKind.SocketAttempt) == 1, $"SEED=0x{result.Seed:x}: {peer} opened more than one socket");
            Assert.DoesNotContain(events, e => e.Event == TraceEventKind.SocketRetry);
            Assert.True(events.Count(e => e.Event == TraceEventKind.TokenRefreshed) >= 11, $"SEED=0x{result.Seed:x}: {peer} refreshed its token fewer than 11 times");
        }
    }

    [Fact]
    public void A_token_that_cannot_be_refreshed_is_closed_with_4002_at_its_expiry_and_the_call_heals()
    {
        var scenario = ScenarioLibrary.Resolve("two-hour-call-ten-minute-tokens") with
        {
            DurationMs = 300_000,
            Server = new ServerSettings { TokenLifetimeMs = 120_000 },
            Timeline = [new FaultSpec { AtMs = 5_000, Kind = FaultKind.TokenFailures, Peer = "A", Count = 8 }],
        };

        var result = new SimWorld(scenario).Run();

        Assert.True(result.Passed(true), $"SEED=0x{result.Seed:x}: {string.Join("\n", result.Violations.Concat(result.Misses))}");
        var drop = result.Trace.Events.First(e => e.Peer == "A" && e.Event == TraceEventKind.SocketRetry);
        Assert.True(drop.Code == CloseCodes.TokenExpired, $"SEED=0x{result.Seed:x}: A's socket closed with {drop.Code}, not 4002");
        Assert.InRange(drop.T, 120_000, 121_000);
        Assert.Equal(2, result.Trace.Events.Count(e => e.Peer == "A" && e.Event == TraceEventKind.SocketAttempt));
    }
}

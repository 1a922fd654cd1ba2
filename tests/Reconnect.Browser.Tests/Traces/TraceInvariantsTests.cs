using Reconnect.Browser.Harness.Traces;
using Reconnect.Core.Protocol;
using Reconnect.Testing.Calls;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Tests.Traces;

/// <summary>
/// The replay that checks a page's saved trace, checked on traces of the simulator's virtual calls (no browser): a
/// healthy call replays clean, and a peer-left the test did not cause is a violation.
/// </summary>
public sealed class TraceInvariantsTests
{
    private const ulong Seed = 0x5eed;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_healed_call_and_a_real_leave_replay_without_a_violation()
    {
        var trace = await LeaveTraceAsync();

        var violations = TraceInvariants.Check(trace, new HashSet<string>(["alice"], StringComparer.Ordinal));

        Assert.True(violations.Count == 0, $"SEED=0x{Seed:x}: {string.Join("\n", violations)}");
    }

    [Fact]
    public async Task A_peer_left_for_a_peer_that_never_left_is_a_violation()
    {
        var trace = await LeaveTraceAsync();
        Assert.Contains(trace, e => e.Event == TraceEventKind.PeerLeft);

        var violations = TraceInvariants.Check(trace, new HashSet<string>(StringComparer.Ordinal));

        Assert.Contains(violations, v => v.Contains("no-peer-left-for-a-healing-drop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_state_change_from_a_state_the_peer_was_not_in_is_a_violation()
    {
        var trace = await LeaveTraceAsync();
        var first = trace.First(e => e.Event == TraceEventKind.StateChange && e.Peer == "bob");
        var broken = trace.Select(e => ReferenceEquals(e, first) ? e with { From = "reconnecting" } : e).ToList();

        var violations = TraceInvariants.Check(broken, new HashSet<string>(["alice"], StringComparer.Ordinal));

        Assert.Contains(violations, v => v.Contains("legal-transitions", StringComparison.Ordinal));
    }

    /// <summary>Alice (publishing cam) and bob join, alice drops offline for 4 s and heals, then leaves for good.</summary>
    private static async Task<IReadOnlyList<TraceEvent>> LeaveTraceAsync()
    {
        await using var call = new VirtualCall(Seed);
        var alice = call.AddClient("alice");
        var bob = call.AddClient("bob");
        await alice.PublishAsync(new StreamInfo("cam", new Dictionary<string, string>()), Ct);
        await call.RunAsync(Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct)));
        Assert.True(await call.RunUntilHealedAsync(), $"SEED=0x{Seed:x}: never connected\n{call.Timeline()}");
        call.Cut("alice", TimeSpan.FromSeconds(4));
        Assert.True(await call.RunUntilHealedAsync(), $"SEED=0x{Seed:x}: never healed\n{call.Timeline()}");
        await call.RunAsync(alice.LeaveAsync(Ct));
        Assert.True(await call.RunUntilAsync(() => call.Trace().Any(e => e.Event == TraceEventKind.PeerLeft), TimeSpan.FromSeconds(10)), $"SEED=0x{Seed:x}: bob never saw alice leave\n{call.Timeline()}");
        return TraceReader.ReadJsonLines(new StringReader(string.Join("\n", call.Trace().Select(TraceJson.Format))));
    }
}

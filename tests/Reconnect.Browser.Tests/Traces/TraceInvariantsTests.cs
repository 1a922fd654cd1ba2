using Reconnect.Browser.Harness.Traces;
using Reconnect.Core.Protocol;
using Reconnect.Testing.Calls;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Tests.Traces;

/// <summary>
/// The replay that checks a page's saved trace, checked on traces of the simulator's virtual calls (no browser): a
/// healthy call replays clean, a peer-left the test did not cause is a violation, and so is one for any session but the
/// one the server evicted.
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

    [Fact]
    public async Task A_peer_left_for_the_session_the_server_evicted_is_right_and_one_for_the_rejoined_session_is_a_violation()
    {
        var trace = await EvictionTraceAsync();
        var joins = trace.Where(e => e.Peer == "bob" && e.Event == TraceEventKind.PeerJoined && e.Remote == "alice").ToList();
        Assert.True(joins.Count == 2, $"SEED=0x{Seed:x}: bob saw alice join {joins.Count} times, not twice (before and after her eviction)");
        var evicted = new HashSet<string>([TraceNotices.SessionOf(joins[0])], StringComparer.Ordinal);
        var none = new HashSet<string>(StringComparer.Ordinal);
        var rejoinedLeft = trace.Append(new TraceEvent(trace[^1].T + 1, "bob", TraceEventKind.PeerLeft) { Remote = "alice", Ref = joins[1].Ref, Reason = "network-disconnect" }).ToList();

        var told = TraceInvariants.Check(trace, none, evicted);
        var untold = TraceInvariants.Check(trace, none, none);
        var rejoinedLeftTold = TraceInvariants.Check(rejoinedLeft, none, evicted);

        Assert.True(told.Count == 0, $"SEED=0x{Seed:x}: {string.Join("\n", told)}");
        Assert.Contains(untold, v => v.Contains("no-peer-left-for-a-healing-drop", StringComparison.Ordinal));
        Assert.Contains(rejoinedLeftTold, v => v.Contains("no-peer-left-for-a-healing-drop", StringComparison.Ordinal));
    }

    /// <summary>Alice and bob join, alice drops offline for 90 s (past the server's grace after her heartbeat allowance): evicted, she rejoins.</summary>
    private static Task<IReadOnlyList<TraceEvent>> EvictionTraceAsync() =>
        TraceAfterCutAsync(TimeSpan.FromSeconds(90), (call, _) =>
        {
            Assert.True(call.Trace().Any(e => e.Peer == "alice" && e.Reason == "EvictedError"), $"SEED=0x{Seed:x}: alice was not evicted\n{call.Timeline()}");
            return Task.CompletedTask;
        });

    /// <summary>Alice (publishing cam) and bob join, alice drops offline for 4 s and heals, then leaves for good.</summary>
    private static Task<IReadOnlyList<TraceEvent>> LeaveTraceAsync() =>
        TraceAfterCutAsync(TimeSpan.FromSeconds(4), async (call, alice) =>
        {
            await call.RunAsync(alice.LeaveAsync(Ct));
            Assert.True(await call.RunUntilAsync(() => call.Trace().Any(e => e.Event == TraceEventKind.PeerLeft), TimeSpan.FromSeconds(10)), $"SEED=0x{Seed:x}: bob never saw alice leave\n{call.Timeline()}");
        });

    /// <summary>Alice (publishing cam) and bob join, alice drops offline for <paramref name="cut"/> and the call heals, then <paramref name="then"/>: the call's trace.</summary>
    private static async Task<IReadOnlyList<TraceEvent>> TraceAfterCutAsync(TimeSpan cut, Func<VirtualCall, ReconnectClient, Task> then)
    {
        await using var call = new VirtualCall(Seed);
        var alice = call.AddClient("alice");
        var bob = call.AddClient("bob");
        await alice.PublishAsync(new StreamInfo("cam", new Dictionary<string, string>()), Ct);
        await call.RunAsync(Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct)));
        Assert.True(await call.RunUntilHealedAsync(), $"SEED=0x{Seed:x}: never connected\n{call.Timeline()}");
        call.Cut("alice", cut);
        Assert.True(await call.RunUntilHealedAsync(TimeSpan.FromMinutes(3)), $"SEED=0x{Seed:x}: never healed\n{call.Timeline()}");
        await then(call, alice);
        return TraceReader.ReadJsonLines(new StringReader(string.Join("\n", call.Trace().Select(TraceJson.Format))));
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Policies;
using Reconnect.Samples.RealCall;
using Reconnect.Testing.Trace;

namespace Reconnect.EndToEnd.Tests;

/// <summary>
/// The server lost and started again on its port with no memory of the call, gracefully (going-away, 1012 with a retry
/// hint) or by a crash of its process (no going-away, no close frame): every client rejoins as new, the rosters are
/// whole, each RemotePeer object is the one it was (by peer id), the streams are back, and no error but the eviction of
/// the lost session is raised.
/// </summary>
public sealed class ServerComebackTests
{
    [Fact]
    public async Task A_graceful_restart_on_the_same_port_heals_every_client_with_its_remote_peers_kept()
    {
        await using var call = await LiveCall.StartAsync();

        var after = await AssertEveryClientHealsAsync(call);

        Assert.All(call.Clients.Keys, name => Assert.Contains(after, e => e is { Event: TraceEventKind.SocketRetry, Code: CloseCodes.ServiceRestart } && e.Peer == name));
    }

    [Fact]
    public async Task A_killed_server_process_started_again_on_the_same_port_heals_every_client_with_its_remote_peers_kept()
    {
        await using var call = await LiveCall.StartOutOfProcessAsync();

        var after = await AssertEveryClientHealsAsync(call);

        Assert.DoesNotContain(after, e => e is { Event: TraceEventKind.SocketRetry, Code: CloseCodes.ServiceRestart or CloseCodes.GoingAway });
    }

    /// <summary>Three peers in a call, the server stopped (<see cref="LiveCall.StopServerAsync"/>) and started again; the events since the stop.</summary>
    private static async Task<IReadOnlyList<TraceEvent>> AssertEveryClientHealsAsync(LiveCall call)
    {
        await call.JoinAllAsync("A", "B", "C");
        var before = call.RemotePeers();
        var mark = call.Recorder.Events.Count;

        await call.StopServerAsync();
        Assert.True(
            await CallProbe.WaitAsync(() => call.Clients.Values.All(c => c.State == LocalPeerState.Reconnecting), LiveCall.Patience, LiveCall.Ct),
            "Not every client noticed:\n" + call.Timeline());
        await call.StartServerAgainAsync();

        Assert.True(await call.HealedAsync(), "Not healed:\n" + call.Timeline());
        Assert.True(await call.StreamsBackAsync(), "Streams not back:\n" + call.Timeline());
        var now = call.RemotePeers();
        Assert.Equal(before.Keys.Order(), now.Keys.Order());
        Assert.All(before, seen => Assert.Same(seen.Value, now[seen.Key]));
        var after = call.Recorder.Events.Skip(mark).ToList();
        Assert.All(after.Where(e => e.Event == TraceEventKind.Error), e => Assert.Equal(nameof(EvictedError), e.Reason));
        Assert.All(call.Clients.Keys, name => Assert.Contains(after, e => e is { Event: TraceEventKind.Error } && e.Peer == name));
        Assert.DoesNotContain(after, e => e.Event == TraceEventKind.PeerLeft);
        return after;
    }
}

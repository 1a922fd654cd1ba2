using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Testing.Calls;

namespace Reconnect.Sim.Tests.Calls;

/// <summary>
/// A healed two-client virtual call for fault tests: alice (publishing <c>cam</c>) and bob in <c>room</c>, and the
/// notices each client's facade dispatched since the last <see cref="Mark"/>. Every assertion names the seed and shows the timeline.
/// </summary>
internal sealed class FaultedCall : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<EngineNotice>> _seen = new(StringComparer.Ordinal) { ["alice"] = [], ["bob"] = [] };

    private FaultedCall(ulong seed, ReconnectOptions? aliceOptions)
    {
        Seed = seed;
        Call = new VirtualCall(seed);
        Alice = Record(Call.AddClient("alice", aliceOptions), "alice");
        Bob = Record(Call.AddClient("bob"), "bob");
    }

    public ulong Seed { get; }

    public VirtualCall Call { get; }

    public ReconnectClient Alice { get; }

    public ReconnectClient Bob { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Builds the call (alice with <paramref name="aliceOptions"/>, when given), publishes alice's camera, joins both and runs until the call is healed.</summary>
    public static async Task<FaultedCall> StartAsync(ulong seed, ReconnectOptions? aliceOptions = null)
    {
        var call = new FaultedCall(seed, aliceOptions);
        await call.Alice.PublishAsync(new StreamInfo("cam", new Dictionary<string, string>()), Ct);
        await call.Call.RunAsync(Task.WhenAll(call.Alice.JoinAsync("room", "alice", null, Ct), call.Bob.JoinAsync("room", "bob", null, Ct)));
        Assert.True(await call.Call.RunUntilHealedAsync(), call.Failure("the call never healed before the fault"));
        Assert.True(await call.Call.RunUntilAsync(() => call.Remote(call.Bob, "alice")?.Streams.Any(s => s.Id == "cam") == true, TimeSpan.FromSeconds(10)), call.Failure("bob never saw alice's camera"));
        return call;
    }

    /// <summary>Forgets the notices seen so far: what follows is the fault's doing.</summary>
    public void Mark()
    {
        lock (_gate)
        {
            foreach (var seen in _seen.Values)
            {
                seen.Clear();
            }
        }
    }

    /// <summary>The notices a client's facade dispatched since the last mark.</summary>
    public IReadOnlyList<EngineNotice> Seen(string peer)
    {
        lock (_gate)
        {
            return [.. _seen[peer]];
        }
    }

    /// <summary>True when the client went into <paramref name="state"/> since the mark.</summary>
    public bool Went(string peer, LocalPeerState state) => Seen(peer).OfType<LocalStateChangedNotice>().Any(s => s.To == state);

    /// <summary>True when the observer saw the remote peer leave <see cref="RemotePeerState.Connected"/> since the mark.</summary>
    public bool LostMedia(string observer, string remote) =>
        Seen(observer).OfType<RemoteStateChangedNotice>().Any(r => r.RemotePeerId == remote && r.From == RemotePeerState.Connected);

    /// <summary>True when the fault broke the call somewhere: a client reconnected or lost its media to the other.</summary>
    public bool Broke() => Went("alice", LocalPeerState.Reconnecting) || Went("bob", LocalPeerState.Reconnecting) || LostMedia("alice", "bob") || LostMedia("bob", "alice");

    /// <summary>The observer's remote peer of that id, if it has one.</summary>
    public RemotePeer? Remote(ReconnectClient observer, string id) => observer.RemotePeers.FirstOrDefault(p => p.Id == id);

    /// <summary>Runs the call until the condition holds (a minute of virtual time at most), failing with <paramref name="what"/>.</summary>
    public async Task UntilAsync(Func<bool> condition, string what, TimeSpan? limit = null) =>
        Assert.True(await Call.RunUntilAsync(condition, limit ?? TimeSpan.FromMinutes(1)), Failure(what));

    /// <summary>A failure message: the seed, what went wrong, the violations and the timeline.</summary>
    public string Failure(string what) =>
        $"SEED=0x{Seed:x}: {what}\nviolations:\n{string.Join("\n", Call.Violations)}\n{Call.Timeline()}";

    public ValueTask DisposeAsync() => Call.DisposeAsync();

    private ReconnectClient Record(ReconnectClient client, string peer)
    {
        client.NoticeDispatched += (_, e) =>
        {
            lock (_gate)
            {
                _seen[peer].Add(e.Notice);
            }
        };
        return client;
    }
}

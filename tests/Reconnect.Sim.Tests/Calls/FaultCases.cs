using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Calls;

/// <summary>A case for every fault kind (and a kick that is not terminal), injected on alice unless the kind is the server's.</summary>
internal static class FaultCases
{
    public static IReadOnlyDictionary<string, FaultCase> All { get; } = new SortedDictionary<string, FaultCase>(StringComparer.Ordinal)
    {
        ["offline"] = Breaks(FaultKind.Offline, On(FaultKind.Offline) with { DurationMs = 5_000 }, c => c.Went("alice", LocalPeerState.Reconnecting)),
        ["signalling-drop"] = Breaks(FaultKind.SignallingDrop, On(FaultKind.SignallingDrop) with { DurationMs = 5_000 }, c => c.Went("alice", LocalPeerState.Reconnecting)),
        ["media-drop"] = Breaks(FaultKind.MediaDrop, On(FaultKind.MediaDrop) with { DurationMs = 10_000 }, c => c.LostMedia("bob", "alice")),
        ["media-verb-fails"] = new(FaultKind.MediaVerbFails, MediaVerbFailsAsync),
        ["media-freeze"] = Breaks(FaultKind.MediaFreeze, On(FaultKind.MediaFreeze) with { Peer = "bob", Other = "alice" }, c => c.Seen("bob").OfType<MediaFrozenNotice>().Any()),
        ["ip-change"] = Breaks(FaultKind.IpChange, On(FaultKind.IpChange), c => c.Broke()),
        ["address-signal"] = Breaks(FaultKind.AddressSignal, On(FaultKind.AddressSignal), RenegotiatedAfterTheAddressChange),
        ["blackhole"] = Breaks(FaultKind.Blackhole, On(FaultKind.Blackhole) with { DurationMs = 20_000 }, c => c.Broke()),
        ["one-way-loss"] = Breaks(FaultKind.OneWayLoss, On(FaultKind.OneWayLoss) with { Loss = 0.99, DurationMs = 20_000 }, c => c.Broke()),
        ["clock-jump"] = Breaks(FaultKind.ClockJump, On(FaultKind.ClockJump) with { DurationMs = 20_000 }, c => c.Broke()),
        ["server-restart"] = Breaks(FaultKind.ServerRestart, World(FaultKind.ServerRestart) with { RetryAfterMs = 1_000, DurationMs = 3_000 }, BothReconnect),
        ["server-crash"] = Breaks(FaultKind.ServerCrash, World(FaultKind.ServerCrash) with { DurationMs = 3_000 }, BothReconnect),
        ["server-kick-nonterminal"] = Breaks(FaultKind.ServerKick, On(FaultKind.ServerKick) with { Code = CloseCodes.LivenessTimeout }, c => c.Went("alice", LocalPeerState.Reconnecting)) with { End = CallEnd.Rejoins },
        ["token-expiry"] = Breaks(FaultKind.TokenExpiry, On(FaultKind.TokenExpiry), c => c.Went("alice", LocalPeerState.Reconnecting)),
        ["token-failures"] = new(FaultKind.TokenFailures, c => TokenAsync(c, On(FaultKind.TokenFailures) with { Count = 3 }, () => Failed(c) >= 3)),
        ["expired-token"] = new(FaultKind.ExpiredToken, c => TokenAsync(c, On(FaultKind.ExpiredToken) with { Count = 1 }, () => Refused(c, CloseCodes.TokenExpired))),
        ["token-hang"] = new(FaultKind.TokenHang, TokenHangAsync),
        ["partition"] = new(FaultKind.Partition, PartitionAsync),
        ["loss"] = new(FaultKind.Loss, LossAsync),
        ["latency"] = new(FaultKind.Latency, c => DelaysAsync(c, On(FaultKind.Latency) with { LatencyMs = 1_500 }, TimeSpan.FromMilliseconds(1_500))),
        ["one-way-partition"] = new(FaultKind.OneWayPartition, c => DelaysAsync(c, On(FaultKind.OneWayPartition) with { Other = "server", DurationMs = 20_000 }, TimeSpan.FromSeconds(20))),
        ["wall-clock-jump"] = new(FaultKind.WallClockJump, WallClockJumpAsync),
        ["server-kick"] = new(FaultKind.ServerKick, KickAsync, CallEnd.Ends),
        ["peer-close"] = new(FaultKind.PeerClose, CloseAsync, CallEnd.Ends),
        ["peer-leave"] = new(FaultKind.PeerLeave, LeaveAsync, CallEnd.Rejoins),
        ["peer-join"] = new(FaultKind.PeerJoin, JoinAsync, CallEnd.Rejoins),
        ["publish"] = new(FaultKind.Publish, PublishAsync),
        ["unpublish"] = new(FaultKind.Unpublish, UnpublishAsync),
        ["replace-track"] = new(FaultKind.ReplaceTrack, ReplaceTrackAsync),
        ["retry-now"] = new(FaultKind.RetryNow, RetryNowAsync) { AliceOptions = LongBackoff },
        ["data-send"] = new(FaultKind.DataSend, DataSendAsync) { AliceOptions = new() { DataChannels = new() { Channels = [new("chat")] } } },
    };

    /// <summary>Alice's options for retry-now: connect failures backed off from 1 s up to a minute, even while her session may resume.</summary>
    private static ReconnectOptions LongBackoff { get; } = new ReconnectOptions() with
    {
        Backoff = new SocketBackoffOptions
        {
            InitialDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromMinutes(1),
            OfflineProbeInterval = null,
            ResumeWindowMaxDelay = TimeSpan.FromMinutes(1),
        },
    };

    /// <summary>A fault on alice, now.</summary>
    public static FaultSpec On(FaultKind kind, int atMs = 0) => new() { AtMs = atMs, Kind = kind, Peer = "alice" };

    private static FaultSpec World(FaultKind kind) => new() { AtMs = 0, Kind = kind };

    private static FaultCase Breaks(FaultKind kind, FaultSpec fault, Func<FaultedCall, bool> effect) =>
        new(kind, async c =>
        {
            c.Call.Inject(fault);
            await c.UntilAsync(() => effect(c), $"{fault.Kind.ToJsonName()} had no effect");
        });

    /// <summary>Alice restarted ICE over a path that still works and the completed restart exchange healed bob for her.</summary>
    private static bool RenegotiatedAfterTheAddressChange(FaultedCall c) =>
        c.Seen("alice").OfType<RemoteStateChangedNotice>().Any(r => r is { RemotePeerId: "bob", To: RemotePeerState.Connected, Reason: "renegotiated after an address change" });

    private static bool BothReconnect(FaultedCall c) => c.Went("alice", LocalPeerState.Reconnecting) && c.Went("bob", LocalPeerState.Reconnecting);

    private static int Failed(FaultedCall c) => c.Seen("alice").OfType<SocketRetryScheduledNotice>().Count();

    private static bool Refused(FaultedCall c, int code) => c.Seen("alice").OfType<SocketRetryScheduledNotice>().Any(r => r.CloseCode == code);

    /// <summary>A token fault, then an address change that needs a fresh token: the fault shows on the reconnect.</summary>
    private static async Task TokenAsync(FaultedCall c, FaultSpec token, Func<bool> effect)
    {
        c.Call.Inject([token, On(FaultKind.IpChange, atMs: 1)]);
        await c.UntilAsync(effect, $"{token.Kind.ToJsonName()} had no effect");
    }

    /// <summary>The hung fetch holds alice's reconnect until the engine's fetch timeout gives up on it.</summary>
    private static async Task TokenHangAsync(FaultedCall c)
    {
        var start = c.Call.Elapsed;
        c.Call.Inject([On(FaultKind.TokenHang) with { Count = 1 }, On(FaultKind.IpChange, atMs: 1)]);
        await c.UntilAsync(() => c.Went("alice", LocalPeerState.Reconnecting), "token-hang: alice never reconnected");
        await c.UntilAsync(() => c.Alice.State == LocalPeerState.Joined, "token-hang: alice never came back", TimeSpan.FromMinutes(2));
        Assert.True(c.Call.Elapsed - start >= new ReconnectOptions().Token.FetchTimeout, c.Failure("token-hang: alice came back before the fetch timeout"));
    }

    /// <summary>Media between alice and bob is cut while both keep signalling: neither reconnects its socket.</summary>
    private static async Task PartitionAsync(FaultedCall c)
    {
        c.Call.Inject(On(FaultKind.Partition) with { Other = "bob", DurationMs = 10_000 });
        await c.UntilAsync(() => c.LostMedia("bob", "alice") && c.LostMedia("alice", "bob"), "partition: the media stayed up");
        Assert.False(c.Went("alice", LocalPeerState.Reconnecting) || c.Went("bob", LocalPeerState.Reconnecting), c.Failure("partition: signalling dropped"));
    }

    /// <summary>Loss on alice's links breaks the call until a second loss fault mends them.</summary>
    private static async Task LossAsync(FaultedCall c)
    {
        c.Call.Inject([On(FaultKind.Loss) with { Loss = 0.97 }, On(FaultKind.Loss, atMs: 30_000) with { Loss = 0 }]);
        await c.UntilAsync(c.Broke, "loss had no effect");
    }

    /// <summary>
    /// A fault that slows alice's frames without breaking anything (latency, or her frames to the server vanishing while
    /// it still reaches her): a stream she publishes once it began reaches bob no sooner than <paramref name="delay"/>.
    /// </summary>
    private static async Task DelaysAsync(FaultedCall c, FaultSpec fault, TimeSpan delay)
    {
        c.Call.Inject(fault);
        await c.Call.RunForAsync(TimeSpan.FromMilliseconds(1));
        var start = c.Call.Elapsed;
        await c.Call.RunAsync(c.Alice.PublishAsync(new StreamInfo("late", new Dictionary<string, string>())));
        await c.UntilAsync(() => c.Remote(c.Bob, "alice")?.Streams.Any(s => s.Id == "late") == true, $"{fault.Kind.ToJsonName()}: bob never saw the late stream");
        Assert.True(c.Call.Elapsed - start >= delay, c.Failure($"{fault.Kind.ToJsonName()}: the stream reached bob after {c.Call.Elapsed - start}"));
    }

    /// <summary>Alice's wall clock steps an hour ahead while monotonic time runs on: the call stays whole.</summary>
    private static async Task WallClockJumpAsync(FaultedCall c)
    {
        c.Call.Inject(On(FaultKind.WallClockJump) with { OffsetMs = 3_600_000 });
        Assert.False(await c.Call.RunUntilAsync(c.Broke, TimeSpan.FromSeconds(30)), c.Failure("wall-clock-jump broke the call"));
    }

    /// <summary>An operator kick with a terminal code closes alice's client for good, and bob sees her truly leave.</summary>
    private static async Task KickAsync(FaultedCall c)
    {
        c.Call.Inject(On(FaultKind.ServerKick) with { Code = CloseCodes.AdminDisconnect });
        await c.UntilAsync(
            () => c.Seen("alice").OfType<ErrorRaisedNotice>().Any(e => e.Error is TerminalCloseError { Code: CloseCodes.AdminDisconnect }) && c.Remote(c.Bob, "alice") is null,
            "server-kick: alice's call did not end with admin_disconnect, or bob still sees her");
        await c.Call.RunForAsync(TimeSpan.FromSeconds(30));
        Assert.True(c.Alice.State is LocalPeerState.Closed, c.Failure($"server-kick: alice is {c.Alice.State}"));
        Assert.Empty(c.Seen("alice").OfType<SocketAttemptStartedNotice>());
    }

    /// <summary>Alice's app closes for good: she is closed, and bob sees her leave.</summary>
    private static async Task CloseAsync(FaultedCall c)
    {
        c.Call.Inject(On(FaultKind.PeerClose));
        await c.UntilAsync(() => c.Alice.State == LocalPeerState.Closed && c.Remote(c.Bob, "alice") is null, "peer-close: alice did not close, or bob still sees her");
        Assert.Contains(c.Seen("bob").OfType<PeerLeftNotice>(), left => left.RemotePeerId == "alice");
    }

    /// <summary>Alice's app leaves and joins again five seconds later: bob sees her leave, then join anew.</summary>
    private static async Task LeaveAsync(FaultedCall c)
    {
        c.Call.Inject([On(FaultKind.PeerLeave), On(FaultKind.PeerJoin, atMs: 5_000)]);
        await c.UntilAsync(() => c.Went("alice", LocalPeerState.Idle) && c.Seen("bob").OfType<PeerLeftNotice>().Any(), "peer-leave: alice did not leave");
    }

    /// <summary>Alice left by herself; a join fault brings her back into the channel she last joined.</summary>
    private static async Task JoinAsync(FaultedCall c)
    {
        await c.Call.RunAsync(c.Alice.LeaveAsync());
        c.Mark();
        c.Call.Inject(On(FaultKind.PeerJoin));
        await c.UntilAsync(() => c.Alice.State == LocalPeerState.Joined && c.Remote(c.Bob, "alice") is not null, "peer-join: alice did not join again");
    }

    private static async Task PublishAsync(FaultedCall c)
    {
        c.Call.Inject(On(FaultKind.Publish) with { Stream = "screen" });
        await c.UntilAsync(() => c.Remote(c.Bob, "alice")?.Streams.Any(s => s.Id == "screen") == true, "publish: bob never saw the screen");
    }

    private static async Task UnpublishAsync(FaultedCall c)
    {
        c.Call.Inject(On(FaultKind.Unpublish) with { Stream = "cam" });
        await c.UntilAsync(() => c.Remote(c.Bob, "alice")?.Streams.Any(s => s.Id == "cam") == false, "unpublish: bob still sees the camera");
        Assert.Contains(c.Seen("bob").OfType<StreamRemovedNotice>(), removed => removed.StreamId == "cam");
    }

    /// <summary>
    /// Alice's signalling is cut for 40 s, so her failed connects back off for ever longer; 100 ms after the path
    /// returns her app presses retry now: she is joined again before the wait pending at the press would have ended.
    /// </summary>
    private static async Task RetryNowAsync(FaultedCall c)
    {
        var retryDue = TimeSpan.Zero;
        c.Alice.NoticeDispatched += (_, e) =>
        {
            if (e.Notice is SocketRetryScheduledNotice retry)
            {
                retryDue = c.Call.Elapsed + retry.Delay;
            }
        };
        c.Call.Inject([On(FaultKind.SignallingDrop) with { DurationMs = 40_000 }, On(FaultKind.RetryNow, atMs: 40_100)]);
        await c.Call.RunForAsync(TimeSpan.FromMilliseconds(40_100));
        Assert.True(c.Alice.State == LocalPeerState.Reconnecting && retryDue > c.Call.Elapsed, c.Failure($"retry-now: alice was not waiting to retry at the press (retry due at {retryDue})"));
        await c.UntilAsync(() => c.Alice.State == LocalPeerState.Joined, "retry-now: alice never came back");
        Assert.True(c.Call.Elapsed < retryDue, c.Failure($"retry-now: alice came back at {c.Call.Elapsed}, not before the retry due at {retryDue}"));
    }

    /// <summary>Alice's app sends three messages to bob on her declared channel through the client: each is taken by her engine.</summary>
    private static async Task DataSendAsync(FaultedCall c)
    {
        c.Call.Inject(On(FaultKind.DataSend) with { Other = "bob", Label = "chat", Count = 3 });
        await c.UntilAsync(() => c.Seen("alice").OfType<DataSendAcceptedNotice>().Count() == 3, "data-send: alice's engine did not take three sends");
    }

    /// <summary>A new track on alice's camera needs no renegotiation: bob keeps the same stream on the same connection.</summary>
    private static async Task ReplaceTrackAsync(FaultedCall c)
    {
        var camera = c.Remote(c.Bob, "alice")!.Streams.Single(s => s.Id == "cam");
        c.Call.Inject(On(FaultKind.ReplaceTrack) with { Stream = "cam", Track = "cam-2" });
        await c.Call.RunForAsync(TimeSpan.FromSeconds(5));
        Assert.Same(camera, c.Remote(c.Bob, "alice")!.Streams.Single(s => s.Id == "cam"));
        Assert.DoesNotContain(c.Seen("bob"), n => n is StreamRemovedNotice or StreamAddedNotice or ConnectionBuiltNotice);
        Assert.DoesNotContain(c.Seen("alice"), n => n is ErrorRaisedNotice);
    }

    /// <summary>Alice's media port fails her next track replacement toward bob: she gets a typed media error naming the verb, and the connection is kept.</summary>
    private static async Task MediaVerbFailsAsync(FaultedCall c)
    {
        c.Call.Inject([
            On(FaultKind.MediaVerbFails) with { Verb = MediaOperation.ReplaceTrack, Other = "bob" },
            On(FaultKind.ReplaceTrack, atMs: 1) with { Stream = "cam", Track = "cam-2" },
        ]);
        await c.UntilAsync(
            () => c.Seen("alice").OfType<ErrorRaisedNotice>().Any(e => e.Error is MediaError { RemotePeerId: "bob", Operation: MediaOperation.ReplaceTrack }),
            "media-verb-fails: alice's failed track replacement raised no media error");
        Assert.DoesNotContain(c.Seen("bob"), n => n is StreamRemovedNotice or ConnectionBuiltNotice);
    }
}

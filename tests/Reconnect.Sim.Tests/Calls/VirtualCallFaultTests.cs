using Reconnect.Core.Engine;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;
using Reconnect.Testing.Calls;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.Calls;

/// <summary>Every fault kind on a virtual call: its effect through the client API, the heal (or the right end), no invariant violated.</summary>
public sealed class VirtualCallFaultTests
{
    private const ulong Seed = 0xFA017;

    /// <summary>The kinds the property draws: each heals with every RemotePeer object kept.</summary>
    private static readonly FaultSpec[] Healing =
    [
        FaultCases.On(FaultKind.Offline),
        FaultCases.On(FaultKind.SignallingDrop),
        FaultCases.On(FaultKind.MediaDrop),
        FaultCases.On(FaultKind.Blackhole),
        FaultCases.On(FaultKind.ClockJump),
        FaultCases.On(FaultKind.Partition) with { Other = "bob" },
        FaultCases.On(FaultKind.OneWayPartition) with { Other = "server" },
        FaultCases.On(FaultKind.OneWayLoss) with { Loss = 0.9 },
        new FaultSpec { AtMs = 0, Kind = FaultKind.ServerRestart, RetryAfterMs = 1_000 },
        new FaultSpec { AtMs = 0, Kind = FaultKind.ServerCrash },
        FaultCases.On(FaultKind.TokenHang),
        FaultCases.On(FaultKind.IpChange),
        FaultCases.On(FaultKind.TokenExpiry),
        FaultCases.On(FaultKind.TokenFailures) with { Count = 2 },
        FaultCases.On(FaultKind.ExpiredToken) with { Count = 1 },
        FaultCases.On(FaultKind.WallClockJump) with { OffsetMs = -600_000 },
    ];

    public static TheoryData<string> Cases => [.. FaultCases.All.Keys];

    [Fact]
    public void Every_fault_kind_has_a_case()
    {
        var covered = FaultCases.All.Values.Select(c => c.Kind).ToHashSet();

        Assert.All(Enum.GetValues<FaultKind>(), kind => Assert.Contains(kind, covered));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_fault_has_its_effect_and_the_call_heals_or_ends_rightly_with_no_violation(string name)
    {
        var fault = FaultCases.All[name];
        await using var call = await FaultedCall.StartAsync(Seed, fault.AliceOptions);
        var aliceSeenByBob = call.Remote(call.Bob, "alice");
        var bobSeenByAlice = call.Remote(call.Alice, "bob");
        call.Mark();

        await fault.Act(call);

        if (fault.End != CallEnd.Ends)
        {
            Assert.True(await call.Call.RunUntilHealedAsync(TimeSpan.FromMinutes(3)), call.Failure($"{name}: the call never healed"));
            Assert.EndsWith("heal       *", call.Call.Timeline().TrimEnd(), StringComparison.Ordinal);
        }

        if (fault.End == CallEnd.KeepsIdentity)
        {
            Assert.True(ReferenceEquals(aliceSeenByBob, call.Remote(call.Bob, "alice")), call.Failure($"{name}: bob's RemotePeer for alice was replaced"));
            Assert.True(ReferenceEquals(bobSeenByAlice, call.Remote(call.Alice, "bob")), call.Failure($"{name}: alice's RemotePeer for bob was replaced"));
        }

        Assert.True(call.Call.Violations.Count == 0, call.Failure($"{name}: invariants violated"));
        Assert.Contains(call.Call.Trace(), e => e.Event == TraceEventKind.Fault && e.Reason == fault.Kind.ToJsonName());
    }

    [Fact]
    public async Task Over_drawn_seeds_and_faults_the_call_heals_with_every_remote_peer_kept_and_no_violation()
    {
        var draws = DeterministicRandom.FromSeed(0xFA0175);
        for (var i = 0; i < 10; i++)
        {
            var seed = draws.NextUInt64();
            var faults = Enumerable.Range(0, draws.NextInt(1, 4)).Select(_ => Draw(draws)).ToList();
            var drawn = string.Join(", ", faults.Select(f => $"{f.Kind.ToJsonName()} at {f.AtMs} ms for {f.DurationMs} ms"));
            await using var call = await FaultedCall.StartAsync(seed);
            var aliceSeenByBob = call.Remote(call.Bob, "alice");
            var bobSeenByAlice = call.Remote(call.Alice, "bob");

            call.Call.Inject(faults);

            Assert.True(await call.Call.RunUntilHealedAsync(TimeSpan.FromMinutes(5)), call.Failure($"{drawn}: the call never healed"));
            Assert.True(ReferenceEquals(aliceSeenByBob, call.Remote(call.Bob, "alice")) && ReferenceEquals(bobSeenByAlice, call.Remote(call.Alice, "bob")), call.Failure($"{drawn}: a RemotePeer was replaced"));
            Assert.True(call.Call.Violations.Count == 0, call.Failure($"{drawn}: invariants violated"));
        }
    }

    [Fact]
    public async Task A_stream_the_app_withdraws_by_itself_is_no_violation()
    {
        await using var call = await FaultedCall.StartAsync(Seed);

        await call.Call.RunAsync(call.Alice.UnpublishAsync("cam", TestContext.Current.CancellationToken));
        await call.UntilAsync(() => call.Bob.RemotePeers.Single().Streams.Count == 0, "bob still sees alice's withdrawn camera");
        await call.Call.RunForAsync(TimeSpan.FromSeconds(5));

        Assert.True(call.Call.Violations.Count == 0, call.Failure("an app's own withdrawal was taken for a violation"));
    }

    [Fact]
    public async Task A_violated_invariant_is_reported_with_the_seed_and_the_virtual_time()
    {
        await using var call = await FaultedCall.StartAsync(Seed);
        var checker = ((IFaultWorld)call.Call).Checker;

        checker.OnNotice(new NamedPeer("bob"), new StreamRemovedNotice("alice", 1, "cam", 1), (long)call.Call.Elapsed.TotalMilliseconds);
        await call.Call.RunForAsync(TimeSpan.FromSeconds(1));

        var violation = Assert.Single(call.Call.Violations);
        Assert.Matches($"^SEED=0x{Seed:x} t=[0-9]+ms invariant no-stream-removed-for-a-healing-drop: bob got stream-removed cam", violation);
    }

    [Fact]
    public async Task A_timed_fault_keeps_the_call_unhealed_until_it_ends()
    {
        await using var call = await FaultedCall.StartAsync(Seed);
        var start = call.Call.Elapsed;

        call.Call.Inject(FaultCases.On(FaultKind.Latency) with { AtMs = 1_000, LatencyMs = 30 });
        call.Call.Inject(FaultCases.On(FaultKind.TokenHang) with { AtMs = 2_000, DurationMs = 20_000 });

        Assert.False(call.Call.IsHealed, call.Failure("healed before the faults began"));
        Assert.True(await call.Call.RunUntilHealedAsync(), call.Failure("never healed"));
        Assert.True(call.Call.Elapsed - start >= TimeSpan.FromSeconds(22), call.Failure($"healed at {call.Call.Elapsed - start}, inside the token-hang window"));
    }

    [Fact]
    public async Task The_trace_file_is_the_simulators_json_lines_and_reads_back()
    {
        await using var call = await FaultedCall.StartAsync(Seed);
        call.Call.Inject([FaultCases.On(FaultKind.Offline) with { DurationMs = 3_000 }, FaultCases.On(FaultKind.Publish, atMs: 5_000) with { Stream = "screen" }]);
        Assert.True(await call.Call.RunUntilHealedAsync(), call.Failure("never healed"));
        using var file = new MemoryStream();

        call.Call.WriteTrace(file);

        var text = System.Text.Encoding.UTF8.GetString(file.ToArray());
        Assert.Equal(call.Call.Trace(), TraceReader.ReadJsonLines(new StringReader(text)));
        Assert.DoesNotContain('\r', text);
        Assert.Contains("\"reason\":\"publish\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_fault_is_refused_with_every_problem()
    {
        await using var call = await FaultedCall.StartAsync(Seed);

        var error = Assert.Throws<ArgumentException>(() => call.Call.Inject([new FaultSpec { AtMs = 0, Kind = FaultKind.Partition, Peer = "carol" }]));

        Assert.Contains("unknown peer \"carol\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("other", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(call.Call.Trace(), e => e.Event == TraceEventKind.Fault);
    }

    private static FaultSpec Draw(DeterministicRandom draws)
    {
        var fault = Healing[draws.NextInt(0, Healing.Length)] with { AtMs = draws.NextInt(0, 10_000) };
        return FaultShape.Of(fault.Kind).Required.HasFlag(FaultFields.DurationMs) || fault.Kind is FaultKind.ClockJump or FaultKind.TokenHang
            ? fault with { DurationMs = draws.NextInt(200, 30_000) }
            : fault;
    }

    /// <summary>A checked peer known only by name: enough for a notice the checker judges by name alone.</summary>
    private sealed class NamedPeer(string name) : ICheckedPeer
    {
        public string Name => name;

        public CallEngine Engine => throw new NotSupportedException("not needed to judge a stream removal");

        public bool IsAsleep => false;

        public int OpenMediaConnections => 0;

        public bool IsSignallingOpen => true;
    }
}

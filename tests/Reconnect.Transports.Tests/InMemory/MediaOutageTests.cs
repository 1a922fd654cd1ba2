using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Hosting;
using Reconnect.Transports.InMemory;
using Reconnect.Transports.Tests.WebSockets.Support;

namespace Reconnect.Transports.Tests.InMemory;

/// <summary>A host of the real-time fabric taken offline: its packets are dropped, its connections fail as on a link down, and an ICE restart recovers.</summary>
public sealed class MediaOutageTests
{
    private readonly RealTimeMediaFabric _fabric = new();

    [Fact]
    public async Task Packets_to_or_from_an_offline_host_are_dropped_at_once_and_flow_again_once_it_is_back()
    {
        _fabric.CreatePort("a", new InputLog());
        _fabric.CreatePort("b", new InputLog());
        string a = _fabric.AddressOf("a"), b = _fabric.AddressOf("b");

        Assert.True(_fabric.BeginOutage("a"));

        Assert.False(_fabric.IsOnline("a"));
        Assert.True(_fabric.IsOnline("b"));
        Assert.False(_fabric.SendToAddress("a", a, b, _ => { }));
        Assert.False(_fabric.SendToAddress("b", b, a, _ => { }));
        Assert.False(_fabric.Send("b", "a", TrafficPlane.Signalling, () => { }));
        Assert.True(_fabric.EndOutage("a"));
        Assert.True(_fabric.IsOnline("a"));
        var delivered = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(_fabric.SendToAddress("b", b, a, delivered.SetResult));
        Assert.Equal("a", await delivered.Task.WaitAsync(Patience.Long, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_packet_under_way_when_its_receiver_goes_offline_is_dropped_on_arrival()
    {
        _fabric.CreatePort("a", new InputLog());
        _fabric.CreatePort("b", new InputLog());
        _fabric.CreatePort("c", new InputLog());
        string a = _fabric.AddressOf("a"), b = _fabric.AddressOf("b"), c = _fabric.AddressOf("c");
        var underWay = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var after = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A delivery runs under the fabric's lock, so the packet sent here cannot arrive before b goes offline.
        Assert.True(_fabric.SendToAddress("c", c, a, _ =>
        {
            Assert.True(_fabric.SendToAddress("a", a, b, underWay.SetResult));
            _fabric.BeginOutage("b");
            Assert.True(_fabric.SendToAddress("a", a, c, after.SetResult));
            sent.SetResult();
        }));

        await sent.Task.WaitAsync(Patience.Long, TestContext.Current.CancellationToken);
        await after.Task.WaitAsync(Patience.Long, TestContext.Current.CancellationToken);
        await Task.WhenAny(underWay.Task, Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
        Assert.False(underWay.Task.IsCompleted, "the packet under way reached b after b went offline");
    }

    [Fact]
    public void Outages_nest_and_the_host_is_back_only_when_the_last_ends()
    {
        _fabric.CreatePort("a", new InputLog());

        Assert.True(_fabric.BeginOutage("a"));
        Assert.False(_fabric.BeginOutage("a"));
        Assert.False(_fabric.EndOutage("a"));
        Assert.False(_fabric.IsOnline("a"));
        Assert.True(_fabric.EndOutage("a"));
        Assert.True(_fabric.IsOnline("a"));
        Assert.Throws<InvalidOperationException>(() => _fabric.EndOutage("a"));
        Assert.Throws<ArgumentException>(() => _fabric.BeginOutage("nobody"));
    }

    [Fact]
    public async Task A_host_going_offline_fails_its_connections_at_once_the_remote_sees_silence_and_an_ICE_restart_recovers()
    {
        var a = new Side(_fabric, "a", "b");
        var b = new Side(_fabric, "b", "a");
        await NegotiateAsync(a, b, iceRestart: false);
        await Task.WhenAll(a.Log.WaitForStateAsync(IceConnectionState.Connected), b.Log.WaitForStateAsync(IceConnectionState.Connected));
        var markA = a.Log.Count;
        var markB = b.Log.Count;

        _fabric.BeginOutage("a");

        Assert.Equal([IceConnectionState.Failed], a.Log.StatesFrom(markA));
        await b.Log.WaitForStateAsync(IceConnectionState.Disconnected, markB);
        Assert.Empty(a.Log.StatesFrom(markA + 1));
        _fabric.EndOutage("a");
        markA = a.Log.Count;
        markB = b.Log.Count;
        await NegotiateAsync(a, b, iceRestart: true);
        await Task.WhenAll(a.Log.WaitForStateAsync(IceConnectionState.Connected, markA), b.Log.WaitForStateAsync(IceConnectionState.Connected, markB));
    }

    [Fact]
    public async Task A_restart_while_the_host_is_offline_gathers_no_candidate()
    {
        var a = new Side(_fabric, "a", "b");
        _fabric.BeginOutage("a");
        var mark = a.Log.Count;

        a.Port.RestartIce("b", 1);
        a.Port.CreateOffer("b", 1);
        await a.Log.WaitForAsync(inputs => inputs.Skip(mark).OfType<LocalDescriptionCreated>().Any());
        a.Port.SetLocalDescription("b", 1, a.Log.From(mark).OfType<LocalDescriptionCreated>().Single().Description);

        await a.Log.WaitForAsync(inputs => inputs.Skip(mark).OfType<LocalDescriptionApplied>().Any());
        Assert.Empty(a.Log.From(mark).OfType<LocalCandidateGathered>());
    }

    private static async Task NegotiateAsync(Side offerer, Side answerer, bool iceRestart)
    {
        if (iceRestart)
        {
            offerer.Port.RestartIce(offerer.Remote, 1);
        }

        var (offer, offerCandidate) = await offerer.DescribeAsync(() => offerer.Port.CreateOffer(offerer.Remote, 1));
        answerer.Port.SetRemoteDescription(answerer.Remote, 1, offer);
        answerer.Port.AddIceCandidate(answerer.Remote, 1, offerCandidate);
        var (answer, answerCandidate) = await answerer.DescribeAsync(() => answerer.Port.CreateAnswer(answerer.Remote, 1));
        offerer.Port.SetRemoteDescription(offerer.Remote, 1, answer);
        offerer.Port.AddIceCandidate(offerer.Remote, 1, answerCandidate);
    }

    /// <summary>One host's port on the fabric, with one connection to the other host.</summary>
    private sealed class Side
    {
        public Side(RealTimeMediaFabric fabric, string host, string remote)
        {
            Remote = remote;
            Port = fabric.CreatePort(host, Log);
            Port.CreateConnection(remote, 1, [], polite: false, [new StreamInfo("cam" + host, new Dictionary<string, string>(StringComparer.Ordinal))]);
        }

        public InputLog Log { get; } = new();

        public IMediaPort Port { get; }

        public string Remote { get; }

        /// <summary>Runs <paramref name="create"/>, applies the description it produced, and returns it with the candidate applying it gathered.</summary>
        public async Task<(SessionDescription Description, IceCandidate Candidate)> DescribeAsync(Action create)
        {
            var mark = Log.Count;
            create();
            await Log.WaitForAsync(inputs => inputs.Skip(mark).OfType<LocalDescriptionCreated>().Any());
            var description = Log.From(mark).OfType<LocalDescriptionCreated>().Single().Description;
            Port.SetLocalDescription(Remote, 1, description);
            await Log.WaitForAsync(inputs => inputs.Skip(mark).OfType<LocalCandidateGathered>().Any());
            return (description, Log.From(mark).OfType<LocalCandidateGathered>().Single().Candidate);
        }
    }

    /// <summary>Every input a port posted, in order, safe to read from the test while the fabric's threads post.</summary>
    private sealed class InputLog : IEngineInputSink
    {
        private readonly Lock _gate = new();
        private readonly List<EngineInput> _inputs = [];

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _inputs.Count;
                }
            }
        }

        public void Post(EngineInput input)
        {
            lock (_gate)
            {
                _inputs.Add(input);
            }
        }

        public List<EngineInput> From(int mark)
        {
            lock (_gate)
            {
                return [.. _inputs.Skip(mark)];
            }
        }

        public List<IceConnectionState> StatesFrom(int mark) => [.. From(mark).OfType<IceStateChanged>().Select(s => s.State)];

        public Task WaitForStateAsync(IceConnectionState state, int mark = 0) =>
            WaitForAsync(inputs => inputs.Skip(mark).OfType<IceStateChanged>().Any(s => s.State == state));

        public async Task WaitForAsync(Func<IEnumerable<EngineInput>, bool> condition)
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            patience.CancelAfter(Patience.Long);
            while (!condition(From(0)))
            {
                try
                {
                    await Task.Delay(20, patience.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail("Never came; the inputs were: " + string.Join(", ", From(0)));
                }
            }
        }
    }
}

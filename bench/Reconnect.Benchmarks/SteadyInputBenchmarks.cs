using BenchmarkDotNet.Attributes;
using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Benchmarks;

/// <summary>
/// One input into an engine in the steady state of a call (A joined, B connected), with what it allocates: the inputs
/// a live call sees all the time. Goal: at most 1 microsecond each, and nothing allocated by an input that fires no
/// transition.
/// </summary>
[MemoryDiagnoser]
public class SteadyInputBenchmarks
{
    private JoinedEngine _call = null!;
    private FrameReceived _pong = null!;
    private IceStateChanged _iceStillConnected = null!;

    [GlobalSetup]
    public void Setup()
    {
        _call = JoinedEngine.Create();
        _pong = new FrameReceived(_call.Engine.Snapshot.Epoch, ProtocolCodec.Encode(new PongMessage(1)));
        _iceStillConnected = new IceStateChanged("B", 1, IceConnectionState.Connected);
    }

    /// <summary>A pong frame from the server: decoded, and the socket's liveness refreshed.</summary>
    [Benchmark]
    public void PongFrame() => _call.Feed(_pong);

    /// <summary>ICE reports <c>connected</c> again for a remote that is connected: nothing changes.</summary>
    [Benchmark]
    public void IceStateThatChangesNothing() => _call.Feed(_iceStillConnected);

    /// <summary>The ping timer fires: a ping is sent and the timer armed again.</summary>
    [Benchmark]
    public void PingTimer() => _call.Feed(new TimerFired(_call.Armed(TimerKind.Ping)));
}

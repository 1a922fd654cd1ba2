using Reconnect.Benchmarks;
using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Benchmarks;

/// <summary>The engine benchmarks measure what they say: a steady call, steady inputs that keep it steady, and an episode that returns to it.</summary>
public sealed class JoinedEngineTests
{
    private static (LocalPeerState, SignallingSocketState, string?, RemotePeerState, int, long) Steady(JoinedEngine call)
    {
        var snapshot = call.Engine.Snapshot;
        var bob = Assert.Single(snapshot.Remotes);
        return (snapshot.Local, snapshot.Socket, snapshot.SessionId, bob.State, bob.Generation, bob.Ref);
    }

    [Fact]
    public void The_driver_reaches_a_joined_call_with_B_connected()
    {
        var call = JoinedEngine.Create();

        Assert.Equal((LocalPeerState.Joined, SignallingSocketState.Open, "session-A", RemotePeerState.Connected, 1, 1L), Steady(call));
    }

    [Fact]
    public void Steady_inputs_leave_the_call_as_it_was_however_often_they_come()
    {
        var call = JoinedEngine.Create();
        var before = Steady(call);
        var pong = new FrameReceived(call.Engine.Snapshot.Epoch, ProtocolCodec.Encode(new PongMessage(1)));

        for (var i = 0; i < 50; i++)
        {
            call.Feed(pong);
            call.Feed(new IceStateChanged("B", 1, IceConnectionState.Connected));
            call.Feed(new TimerFired(call.Armed(TimerKind.Ping)));
        }

        Assert.Equal(before, Steady(call));
    }

    [Fact]
    public void A_reconnect_episode_resumes_the_same_session_and_keeps_B_and_its_connection()
    {
        var call = JoinedEngine.Create();
        var before = Steady(call);
        var epoch = call.Engine.Snapshot.Epoch;

        call.DropAndReconnect();
        call.DropAndReconnect();

        Assert.Equal(before, Steady(call));
        Assert.Equal(epoch + 2, call.Engine.Snapshot.Epoch);
    }

    [Fact]
    public void An_input_that_fires_no_transition_allocates_nothing_once_warm()
    {
        var call = JoinedEngine.Create();
        var iceStillConnected = new IceStateChanged("B", 1, IceConnectionState.Connected);
        for (var i = 0; i < 1000; i++)
        {
            call.Feed(iceStillConnected);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            call.Feed(iceStillConnected);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

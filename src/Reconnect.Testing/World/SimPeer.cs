using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Network;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Time;
using Reconnect.Hosting;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.World;

/// <summary>One simulated participant: the production engine behind its pump, with in-memory ports on its own host.</summary>
public sealed class SimPeer : IFaultPeer, ICheckedPeer
{
    private readonly SortedDictionary<string, string> _tracks = new(StringComparer.Ordinal);
    private long _nextSendId;

    internal SimPeer(PeerSpec spec, SimNetwork network, HostClock clock, InMemorySignallingServer server, InMemoryMediaDirectory directory, ulong seed, TimeSpan? tokenLifetime)
    {
        Spec = spec;
        Host = network.Host(spec.Name);
        Clock = clock;
        Engine = new CallEngine(spec.ToOptions(), seed);
        Pump = new EnginePump(Engine, clock, EnginePumpMode.Inline);
        Signalling = new InMemorySignallingPort(network, spec.Name, server, Pump);
        Media = new InMemoryMediaPort(network, spec.Name, directory, Pump);
        Token = new SimTokenPort(network, spec.Name, Pump, tokenLifetime);
        Pump.Attach(new EnginePorts(Token, Signalling, Media));
        foreach (var stream in spec.Streams)
        {
            Pump.Post(new LocalStreamAdded(new StreamInfo(stream.Id, stream.Metadata)));
        }
    }

    /// <summary>The peer as the scenario declares it.</summary>
    public PeerSpec Spec { get; }

    /// <summary>The peer's name, also its id in the channel.</summary>
    public string Name => Spec.Name;

    /// <summary>The host it runs on.</summary>
    public SimHost Host { get; }

    /// <summary>The host's clock: the shared monotonic time, and a wall clock of its own the pump reads to notice sleeps.</summary>
    public HostClock Clock { get; }

    /// <summary>The production engine.</summary>
    public CallEngine Engine { get; }

    /// <summary>The pump that runs the engine inline in virtual time.</summary>
    public EnginePump Pump { get; }

    /// <summary>The in-memory signalling socket.</summary>
    public InMemorySignallingPort Signalling { get; }

    /// <summary>The in-memory media port.</summary>
    public InMemoryMediaPort Media { get; }

    /// <summary>The simulated token provider.</summary>
    public SimTokenPort Token { get; }

    /// <summary>True once the peer asked to join.</summary>
    public bool Started { get; private set; }

    /// <summary>True once the user left or closed the peer: it is no longer expected in the call.</summary>
    public bool Departed { get; private set; }

    /// <inheritdoc />
    bool ICheckedPeer.IsAsleep => Pump.IsPaused;

    /// <inheritdoc />
    int ICheckedPeer.OpenMediaConnections => Media.Connections.Count;

    /// <inheritdoc />
    bool ICheckedPeer.IsSignallingOpen => Signalling.IsOpen;

    /// <inheritdoc />
    string IFaultPeer.Channel => Spec.Channel;

    /// <inheritdoc />
    ITokenFaults IFaultPeer.Token => Token;

    /// <summary>The track the app last put on each of its streams, by stream id (only streams whose track was replaced).</summary>
    public IReadOnlyDictionary<string, string> Tracks => _tracks;

    /// <summary>Joins the channel (the declared streams were published when the peer was built, so any fault may touch them).</summary>
    public void Join()
    {
        Started = true;
        Departed = false;

        Pump.Post(new JoinRequested(Spec.Channel, Spec.Name, Spec.Metadata));
    }

    /// <inheritdoc />
    void IFaultPeer.Signal(NetworkChange change)
    {
        if (Spec.NetworkSignals)
        {
            Pump.Post(new NetworkChanged(change));
        }
    }

    /// <inheritdoc />
    void IFaultPeer.Sleep() => Pump.Pause();

    /// <inheritdoc />
    void IFaultPeer.Wake() => Pump.Resume();

    /// <summary>Publishes a new local stream.</summary>
    public void Publish(string streamId) =>
        Pump.Post(new LocalStreamAdded(new StreamInfo(streamId, new SortedDictionary<string, string>(StringComparer.Ordinal))));

    /// <summary>Withdraws a local stream.</summary>
    public void Unpublish(string streamId)
    {
        _tracks.Remove(streamId);
        Pump.Post(new LocalStreamRemoved(streamId));
    }

    /// <summary>Replaces the track of a local stream.</summary>
    public void ReplaceTrack(string streamId, string trackId)
    {
        _tracks[streamId] = trackId;
        Pump.Post(new LocalTrackReplaced(streamId, trackId));
    }

    /// <summary>Presses "retry now": pending retry waits are cut short.</summary>
    public void RetryNow() => Pump.Post(new RetryNowRequested());

    /// <summary>Sends one message on a declared data channel; each send gets the next id.</summary>
    public void SendData(string remotePeerId, string label, ReadOnlyMemory<byte> payload) =>
        Pump.Post(new DataSendRequested(++_nextSendId, remotePeerId, label, payload));

    /// <summary>Leaves the channel.</summary>
    public void Leave()
    {
        Departed = true;
        Pump.Post(new LeaveRequested());
    }

    /// <summary>Closes the peer for good.</summary>
    public void Close()
    {
        Departed = true;
        Pump.Post(new CloseRequested());
    }
}

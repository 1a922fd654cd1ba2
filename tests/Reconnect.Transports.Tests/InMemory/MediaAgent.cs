using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Testing.Time;
using Reconnect.Hosting;
using Reconnect.Transports.InMemory;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.InMemory;

/// <summary>One side's in-memory media port with a single connection (generation 1) to the other side, driven verb by verb.</summary>
internal sealed class MediaAgent
{
    /// <summary>A local description the agent created and applied, its one candidate, and when.</summary>
    public sealed record Description(SessionDescription Sdp, IceCandidate Candidate, TimeSpan At);

    private sealed class RecordingSink(VirtualTimeProvider clock) : IEngineInputSink
    {
        public List<(EngineInput Input, TimeSpan At)> Inputs { get; } = [];

        public void Post(EngineInput input) => Inputs.Add((input, clock.Elapsed));
    }

    private readonly TestFabric _fabric;
    private readonly InMemoryMediaPort _port;
    private readonly string _remote;
    private readonly RecordingSink _sink;

    public MediaAgent(TestFabric fabric, InMemoryMediaDirectory directory, string host, string remote)
    {
        _fabric = fabric;
        _remote = remote;
        _sink = new RecordingSink((VirtualTimeProvider)fabric.Time);
        _port = new InMemoryMediaPort(fabric, host, directory, _sink);
        _port.CreateConnection(remote, 1, [], polite: false, [new StreamInfo("cam" + host, new Dictionary<string, string>())]);
    }

    /// <summary>Hosts A and B on a new fabric over <paramref name="clock"/>, each with an agent connected to the other.</summary>
    public static (TestFabric Fabric, MediaAgent A, MediaAgent B) Pair(VirtualTimeProvider clock)
    {
        var fabric = new TestFabric(clock);
        var directory = new InMemoryMediaDirectory();
        fabric.AddHost("A");
        fabric.AddHost("B");
        return (fabric, new MediaAgent(fabric, directory, "A", "B"), new MediaAgent(fabric, directory, "B", "A"));
    }

    public IceConnectionState State => _port.Connections.Single().State;

    public long Frames => _port.Connections.Single().FramesReceived;

    /// <summary>The connections that rolled their offer back having only answered.</summary>
    public IReadOnlyList<(string RemotePeerId, int Generation)> AnswerOnlyRollbacks => _port.AnswerOnlyRollbacks;

    public string Ufrag => InMemorySdp.Read(Last<LocalDescriptionCreated>().Description.Sdp)!.Ufrag;

    public Description Offer(bool iceRestart)
    {
        if (iceRestart)
        {
            _port.RestartIce(_remote, 1);
        }

        _port.CreateOffer(_remote, 1);
        return Local();
    }

    public Description Answer(Description offer)
    {
        _port.SetRemoteDescription(_remote, 1, offer.Sdp);
        _port.AddIceCandidate(_remote, 1, offer.Candidate);
        _port.CreateAnswer(_remote, 1);
        return Local();
    }

    public void Apply(Description answer)
    {
        _port.SetRemoteDescription(_remote, 1, answer.Sdp);
        _port.AddIceCandidate(_remote, 1, answer.Candidate);
    }

    /// <summary>Applies a remote offer and leaves its answer owed.</summary>
    public void TakeRemote(Description offer) => _port.SetRemoteDescription(_remote, 1, offer.Sdp);

    /// <summary>Creates and applies the answer the remote offer taken is owed.</summary>
    public void AnswerTaken()
    {
        _port.CreateAnswer(_remote, 1);
        Local();
    }

    public void AskOffer() => _port.CreateOffer(_remote, 1);

    public IEnumerable<MediaOperationFailed> Failures => _sink.Inputs.Select(i => i.Input).OfType<MediaOperationFailed>();

    public int OffersCreated => _sink.Inputs.Select(i => i.Input).OfType<LocalDescriptionCreated>().Count(d => d.Description.Type == SdpType.Offer);

    /// <summary>True when a frame sent on these credentials is counted (delivered straight to the port).</summary>
    public bool Delivered(string fromUfrag, string toUfrag)
    {
        var before = Frames;
        _port.Receive(new MediaPacket(MediaPacketKind.Frame, fromUfrag, toUfrag, _fabric.AddressOf(_remote), 0, []));
        return Frames > before;
    }

    public List<IceConnectionState> StatesSince(TimeSpan at) =>
        [.. _sink.Inputs.Where(i => i.At >= at).Select(i => i.Input).OfType<IceStateChanged>().Select(s => s.State)];

    /// <summary>Applies the description just created (which gathers its candidate) and returns both.</summary>
    private Description Local()
    {
        var created = Last<LocalDescriptionCreated>().Description;
        _port.SetLocalDescription(_remote, 1, created);
        return new(created, Last<LocalCandidateGathered>().Candidate, ((VirtualTimeProvider)_fabric.Time).Elapsed);
    }

    private T Last<T>() => _sink.Inputs.Select(i => i.Input).OfType<T>().Last();
}

using System.Globalization;
using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Transports.Hosting;

namespace Reconnect.Transports.InMemory;

/// <summary>
/// One in-memory media connection: an ICE agent with ufrag credentials, host candidates bound to the host's
/// address, connectivity checks over the fabric, sequence-numbered frames every tick, and consent from frames.
/// </summary>
internal sealed class InMemoryMediaConnection : IDisposable
{
    private const int ChecksEveryTicks = 2;
    private const int ConsentEveryTicks = 5;

    private readonly InMemoryMediaPort _port;
    private readonly IEngineInputSink _sink;
    private readonly ITimer _tick;
    private readonly List<(string Address, string Ufrag)> _remoteCandidates = [];
    private readonly SortedSet<string> _reportedStreams = new(StringComparer.Ordinal);
    private bool _haveLocalOffer;
    private bool _haveRemoteOffer;
    private bool _remoteRestarted;
    private string? _localAddress;
    private string? _selected;
    private TimeSpan _lastHeard;
    private TimeSpan? _checkingSince;
    private long _ticks;
    private long _sequence;
    private long _lastSequenceReceived;
    private bool _closed;

    public InMemoryMediaConnection(InMemoryMediaPort port, IEngineInputSink sink, string remoteId, int generation, IReadOnlyList<string> localStreams)
    {
        _port = port;
        _sink = sink;
        RemoteId = remoteId;
        Generation = generation;
        LocalStreams = [.. localStreams];
        var period = InMemoryMediaPort.TickPeriod;
        _tick = port.Fabric.Time.CreateTimer(_ => Tick(), null, port.NextTickPhase(), period);
    }

    public string RemoteId { get; }

    public int Generation { get; }

    public List<string> LocalStreams { get; }

    /// <summary>The track each local stream carries on this connection, by stream id, when one was set.</summary>
    public SortedDictionary<string, string> LocalTracks { get; } = new(StringComparer.Ordinal);

    public string? LocalUfrag { get; private set; }

    public string? RemoteUfrag { get; private set; }

    public IceConnectionState State { get; private set; } = IceConnectionState.New;

    public TimeSpan LastFrameAt { get; private set; }

    public long FramesReceived { get; private set; }

    private TimeSpan Now => _port.Fabric.Time.GetElapsedTime(_port.Start);

    public void CreateOffer(bool iceRestart)
    {
        if (iceRestart || LocalUfrag is null)
        {
            NewCredentials();
        }

        _haveLocalOffer = true;
        _haveRemoteOffer = false;
        Post(new LocalDescriptionCreated(RemoteId, Generation, new SessionDescription(SdpType.Offer, Describe()), iceRestart));
        Gather();
    }

    public void CreateAnswer()
    {
        if (!_haveRemoteOffer)
        {
            Post(new MediaOperationFailed(RemoteId, Generation, "createAnswer without a remote offer"));
            return;
        }

        if (_remoteRestarted || LocalUfrag is null)
        {
            NewCredentials();
        }

        _remoteRestarted = false;
        _haveRemoteOffer = false;
        Post(new LocalDescriptionCreated(RemoteId, Generation, new SessionDescription(SdpType.Answer, Describe()), false));
        Gather();
    }

    public void SetRemoteDescription(SessionDescription description)
    {
        var sdp = SimSdp.Read(description.Sdp);
        if (sdp is null)
        {
            Post(new MediaOperationFailed(RemoteId, Generation, "malformed remote description"));
            return;
        }

        if (description.Type == SdpType.Answer && !_haveLocalOffer)
        {
            Post(new MediaOperationFailed(RemoteId, Generation, "an answer without a local offer"));
            return;
        }

        if (description.Type == SdpType.Offer)
        {
            _haveLocalOffer = false;
            _haveRemoteOffer = true;
            _remoteRestarted = RemoteUfrag is not null && RemoteUfrag != sdp.Ufrag;
        }
        else
        {
            _haveLocalOffer = false;
        }

        if (RemoteUfrag != sdp.Ufrag)
        {
            RemoteUfrag = sdp.Ufrag;
            Restart();
        }
    }

    public void AddCandidate(IceCandidate candidate)
    {
        if (SimSdp.ReadCandidate(candidate.Candidate) is { } parsed)
        {
            _remoteCandidates.Add(parsed);
        }
        else
        {
            Post(new MediaOperationFailed(RemoteId, Generation, $"malformed candidate '{candidate.Candidate}'"));
        }
    }

    public void Receive(MediaPacket packet)
    {
        if (_closed || packet.FromUfrag != RemoteUfrag || _localAddress is null)
        {
            return;
        }

        switch (packet.Kind)
        {
            case MediaPacketKind.Check:
                var reply = new MediaPacket(MediaPacketKind.CheckResponse, LocalUfrag!, packet.FromUfrag, _localAddress, 0, []);
                _port.SendPacket(_localAddress, packet.FromAddress, reply);
                Select(packet.FromAddress);
                break;
            case MediaPacketKind.CheckResponse:
                Select(packet.FromAddress);
                break;
            case MediaPacketKind.Frame:
                FramesReceived++;
                LastFrameAt = Now;
                Select(_selected ?? packet.FromAddress);
                ReportStreams(packet);
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Reports each stream a frame carries the first time it appears; a stream missing from a newer frame is
    /// forgotten, so it is reported again if the remote publishes it again. An older frame overtaken by a newer one
    /// (jitter) changes nothing.
    /// </summary>
    private void ReportStreams(MediaPacket packet)
    {
        if (packet.Sequence < _lastSequenceReceived)
        {
            return;
        }

        _lastSequenceReceived = packet.Sequence;
        if (_reportedStreams.Count == packet.StreamIds.Count && packet.StreamIds.All(_reportedStreams.Contains))
        {
            return;
        }

        _reportedStreams.IntersectWith(packet.StreamIds);
        foreach (var stream in packet.StreamIds)
        {
            if (_reportedStreams.Add(stream))
            {
                Post(new RemoteStreamArrived(RemoteId, Generation, stream));
            }
        }
    }

    public void Dispose()
    {
        _closed = true;
        _tick.Dispose();
    }

    private void NewCredentials()
    {
        var n = _port.NextCredential();
        LocalUfrag = string.Create(CultureInfo.InvariantCulture, $"{_port.Host}{n}");
        _port.Index(this);
        Restart();
    }

    private void Restart()
    {
        _selected = null;
        _checkingSince = null;
        if (State == IceConnectionState.Failed)
        {
            State = IceConnectionState.New;
        }
    }

    private string Describe() => new SimSdp(LocalUfrag!, $"pw{LocalUfrag}", LocalStreams).Write();

    private void Gather()
    {
        if (!_port.Fabric.IsOnline(_port.Host))
        {
            _localAddress = null;
            return;
        }

        _localAddress = _port.Fabric.AddressOf(_port.Host);
        Post(new LocalCandidateGathered(RemoteId, Generation, new IceCandidate(SimSdp.Candidate(_localAddress, LocalUfrag!), "0", 0)));
    }

    private void Select(string remoteAddress)
    {
        _selected = remoteAddress;
        _lastHeard = Now;
        _checkingSince = null;
        if (State != IceConnectionState.Connected)
        {
            SetState(IceConnectionState.Connected);
        }
    }

    private void Tick()
    {
        if (_closed)
        {
            return;
        }

        _ticks++;
        if (_selected is not null && _localAddress is not null && State != IceConnectionState.Failed)
        {
            _port.SendPacket(_localAddress, _selected, new MediaPacket(MediaPacketKind.Frame, LocalUfrag!, RemoteUfrag!, _localAddress, ++_sequence, LocalStreams));
        }

        if (_ticks % ChecksEveryTicks == 0)
        {
            Check();
        }

        if (_ticks % ConsentEveryTicks == 0)
        {
            Consent();
        }
    }

    private void Check()
    {
        if (_selected is not null || LocalUfrag is null || RemoteUfrag is null || _localAddress is null || State == IceConnectionState.Failed)
        {
            return;
        }

        var targets = _remoteCandidates.Where(c => c.Ufrag == RemoteUfrag).Select(c => c.Address).Distinct(StringComparer.Ordinal).ToList();
        if (targets.Count == 0)
        {
            return;
        }

        _checkingSince ??= Now;
        if (State is IceConnectionState.New)
        {
            SetState(IceConnectionState.Checking);
        }

        if (Now - _checkingSince.Value > InMemoryMediaPort.CheckingTimeout)
        {
            SetState(IceConnectionState.Failed);
            return;
        }

        foreach (var address in targets)
        {
            _port.SendPacket(_localAddress, address, new MediaPacket(MediaPacketKind.Check, LocalUfrag, RemoteUfrag, _localAddress, 0, []));
        }
    }

    private void Consent()
    {
        if (State is not (IceConnectionState.Connected or IceConnectionState.Disconnected))
        {
            return;
        }

        var silent = Now - Max(_lastHeard, LastFrameAt);
        if (silent > InMemoryMediaPort.ConsentFailedAfter)
        {
            _selected = null;
            SetState(IceConnectionState.Failed);
        }
        else if (silent > InMemoryMediaPort.ConsentDisconnectedAfter && State == IceConnectionState.Connected)
        {
            SetState(IceConnectionState.Disconnected);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private void SetState(IceConnectionState state)
    {
        State = state;
        Post(new IceStateChanged(RemoteId, Generation, state));
    }

    private void Post(EngineInput input)
    {
        if (!_closed)
        {
            _sink.Post(input);
        }
    }
}

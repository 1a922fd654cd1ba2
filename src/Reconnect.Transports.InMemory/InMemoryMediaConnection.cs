using System.Globalization;
using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Hosting;

namespace Reconnect.Transports.InMemory;

/// <summary>
/// One in-memory media connection: an ICE agent with ufrag credentials, host candidates bound to the host's
/// address, connectivity checks over the fabric, sequence-numbered frames every tick, and consent from frames.
/// Negotiated data channels ride the selected pair, reliable and ordered (<see cref="InMemoryDataChannel"/>).
/// An ICE restart keeps the selected pair, with the credentials it was formed under, sending frames and running
/// consent while the new credentials' checks run (RFC 8445 §12.1, RFC 7675 §5.1); a pair nominated under the new
/// credentials replaces it, and a consent failure drops it.
/// Like Chromium, a connection that has only answered (it applied a remote offer and never had a local offer answered)
/// and then rolls its own offer back (a remote offer applied over it, in glare) takes no inbound frame ever again,
/// whatever ICE does next: the engine must never make such a side yield.
/// </summary>
internal sealed class InMemoryMediaConnection : IDisposable
{
    private const int ChecksEveryTicks = 2;
    private const int ConsentEveryTicks = 5;
    private const int FlowReportEveryTicks = 10;
    private const int FrameBytes = 1_200;

    private readonly InMemoryMediaPort _port;
    private readonly IEngineInputSink _sink;
    private readonly ITimer _tick;
    private readonly List<(string Address, string Ufrag)> _remoteCandidates = [];
    private readonly SortedSet<string> _reportedStreams = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, InMemoryDataChannel> _channels = new(StringComparer.Ordinal);
    private readonly List<MediaFreeze> _freezes = [];
    private bool _haveLocalOffer;
    private bool _haveRemoteOffer;
    private bool _remoteRestarted;
    private bool _restartPending;
    private bool _remoteOfferApplied;
    private bool _localOfferAnswered;
    private bool _rolledBackAnswerOnly;
    private string? _localAddress;
    private IcePair? _selected;
    private TimeSpan _lastHeard;
    private TimeSpan? _checkingSince;
    private bool _checksStopped;
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

    /// <summary>The local streams whose attach or track replacement failed on this connection.</summary>
    public SortedSet<string> FailedStreams { get; } = new(StringComparer.Ordinal);

    public string? LocalUfrag { get; private set; }

    public string? RemoteUfrag { get; private set; }

    /// <summary>The ufrags packets to this connection may be addressed to: the current one and the selected pair's.</summary>
    public IEnumerable<string> AcceptedUfrags =>
        new[] { LocalUfrag, _selected?.LocalUfrag }.OfType<string>().Distinct(StringComparer.Ordinal);

    public IceConnectionState State { get; private set; } = IceConnectionState.New;

    public TimeSpan LastFrameAt { get; private set; }

    public long FramesReceived { get; private set; }

    /// <summary>Media bytes received so far: a fixed size per frame.</summary>
    public long BytesReceived { get; private set; }

    private TimeSpan Now => _port.Fabric.Time.GetElapsedTime(_port.Start);

    /// <summary>
    /// Creates an offer, under new credentials when ICE was restarted since the last one (or none exist yet); fails, as
    /// W3C <c>createOffer()</c> does, while a remote offer awaits its answer.
    /// </summary>
    public void CreateOffer()
    {
        if (_haveRemoteOffer)
        {
            Post(new MediaOperationFailed(RemoteId, Generation, MediaOperation.CreateOffer, "createOffer while a remote offer awaits its answer (have-remote-offer)"));
            return;
        }

        if (_restartPending || LocalUfrag is null)
        {
            NewCredentials();
        }

        _restartPending = false;
        Post(new LocalDescriptionCreated(RemoteId, Generation, new SessionDescription(SdpType.Offer, Describe())));
    }

    /// <summary>W3C <c>restartIce()</c>: the next offer created carries new credentials.</summary>
    public void RestartIce() => _restartPending = true;

    public void CreateAnswer()
    {
        if (!_haveRemoteOffer)
        {
            Post(new MediaOperationFailed(RemoteId, Generation, MediaOperation.CreateAnswer, "createAnswer without a remote offer"));
            return;
        }

        if (_remoteRestarted || LocalUfrag is null)
        {
            NewCredentials();
        }

        _remoteRestarted = false;
        Post(new LocalDescriptionCreated(RemoteId, Generation, new SessionDescription(SdpType.Answer, Describe())));
    }

    /// <summary>
    /// Applies a local description: an offer leaves the connection with a local offer, an answer ends the remote offer;
    /// then gathers the candidate under the description's credentials, as a browser gathers on setLocalDescription.
    /// </summary>
    public void SetLocalDescription(SessionDescription description)
    {
        if (InMemorySdp.Read(description.Sdp) is not { } sdp)
        {
            Post(new MediaOperationFailed(RemoteId, Generation, MediaOperation.SetLocalDescription, "malformed local description"));
            return;
        }

        _haveLocalOffer = description.Type == SdpType.Offer;
        _haveRemoteOffer = false;
        Post(new LocalDescriptionApplied(RemoteId, Generation, description));
        Gather(sdp.Ufrag);
    }

    public void SetRemoteDescription(SessionDescription description)
    {
        var sdp = InMemorySdp.Read(description.Sdp);
        if (sdp is null)
        {
            Post(new MediaOperationFailed(RemoteId, Generation, MediaOperation.SetRemoteDescription, "malformed remote description"));
            return;
        }

        if (description.Type == SdpType.Answer && !_haveLocalOffer)
        {
            Post(new MediaOperationFailed(RemoteId, Generation, MediaOperation.SetRemoteDescription, "an answer without a local offer"));
            return;
        }

        if (description.Type == SdpType.Offer)
        {
            if (_haveLocalOffer && _remoteOfferApplied && !_localOfferAnswered && !_rolledBackAnswerOnly)
            {
                _rolledBackAnswerOnly = true;
                _port.NoteAnswerOnlyRollback(RemoteId, Generation);
            }

            _remoteOfferApplied = true;
            _haveLocalOffer = false;
            _haveRemoteOffer = true;
            _remoteRestarted = RemoteUfrag is not null && RemoteUfrag != sdp.Ufrag;
        }
        else
        {
            _localOfferAnswered = true;
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
        if (InMemorySdp.ReadCandidate(candidate.Candidate) is { } parsed)
        {
            _remoteCandidates.Add(parsed);
        }
        else
        {
            Post(new MediaOperationFailed(RemoteId, Generation, MediaOperation.AddIceCandidate, $"malformed candidate '{candidate.Candidate}'"));
        }
    }

    /// <summary>
    /// Takes a packet on the current credentials (a check or a frame from the remote nominates a pair under them)
    /// or on the selected pair's credentials (which the pair keeps through a restart); drops any other.
    /// </summary>
    public void Receive(MediaPacket packet)
    {
        if (_closed)
        {
            return;
        }

        var offered = _localAddress is null || LocalUfrag is null || RemoteUfrag is null ? null : new IcePair(_localAddress, packet.FromAddress, LocalUfrag, RemoteUfrag);
        if (offered is not null && offered.Carries(packet))
        {
            var keep = packet.Kind is MediaPacketKind.Frame or MediaPacketKind.Data or MediaPacketKind.DataAck && _selected is { } current && current.FormedUnder(LocalUfrag, RemoteUfrag);
            Receive(packet, keep ? _selected! : offered);
        }
        else if (_selected is { } held && held.Carries(packet))
        {
            Receive(packet, held);
        }
    }

    private void Receive(MediaPacket packet, IcePair pair)
    {
        switch (packet.Kind)
        {
            case MediaPacketKind.Check:
                _port.SendPacket(pair.LocalAddress, packet.FromAddress, new MediaPacket(MediaPacketKind.CheckResponse, pair.LocalUfrag, pair.RemoteUfrag, pair.LocalAddress, 0, []));
                Heard(pair);
                break;
            case MediaPacketKind.CheckResponse:
                Heard(pair);
                break;
            case MediaPacketKind.Frame:
                if (!_rolledBackAnswerOnly && !_freezes.Any(f => pair.FormedUnder(f.LocalUfrag, f.RemoteUfrag)))
                {
                    FramesReceived++;
                    BytesReceived += FrameBytes;
                    LastFrameAt = Now;
                }

                Heard(pair);
                ReportStreams(packet);
                break;
            case MediaPacketKind.Data:
                Heard(pair);
                ReceiveData(packet, pair);
                break;
            case MediaPacketKind.DataAck:
                Heard(pair);
                if (_channels.TryGetValue(packet.Label, out var acknowledged))
                {
                    acknowledged.Acknowledge(packet.Sequence);
                }

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
                Post(new RemoteStreamArrived(RemoteId, Generation, stream, new InMemoryStreamMedia(_port.Host, RemoteId, Generation, stream)));
            }
        }
    }

    /// <summary>Creates a negotiated data channel; it reports open at once when the connection is connected, else when it connects.</summary>
    public void CreateDataChannel(string label)
    {
        if (_closed || _channels.ContainsKey(label))
        {
            return;
        }

        _channels[label] = new InMemoryDataChannel(label);
        if (State == IceConnectionState.Connected)
        {
            OpenChannels();
        }
    }

    /// <summary>Sends a message on a channel (dropped when there is no such channel): at once on the selected pair, and again each tick until acknowledged.</summary>
    public void SendData(string label, ReadOnlyMemory<byte> payload)
    {
        if (_closed || !_channels.TryGetValue(label, out var channel))
        {
            return;
        }

        var sequence = channel.Queue(payload);
        if (_selected is { } pair)
        {
            _port.SendPacket(pair.LocalAddress, pair.RemoteAddress, DataPacket(pair, channel.Label, sequence, payload));
        }
    }

    /// <summary>
    /// Delivers the next message of a channel in sequence and acknowledges everything delivered; a message out of
    /// sequence (a loss ahead of it, or a copy already delivered) is dropped, and the sender's resends fill the gap. A
    /// message for a channel not created here is dropped unacknowledged, so it is sent again once the channel exists.
    /// </summary>
    private void ReceiveData(MediaPacket packet, IcePair pair)
    {
        if (!_channels.TryGetValue(packet.Label, out var channel))
        {
            return;
        }

        if (packet.Sequence == channel.Delivered + 1)
        {
            channel.Delivered++;
            Post(new DataReceived(RemoteId, Generation, channel.Label, packet.Payload));
        }

        _port.SendPacket(pair.LocalAddress, packet.FromAddress, new MediaPacket(MediaPacketKind.DataAck, pair.LocalUfrag, pair.RemoteUfrag, pair.LocalAddress, channel.Delivered, []) { Label = channel.Label });
    }

    /// <summary>Sends again, on the selected pair, what each channel has not had acknowledged.</summary>
    private void ResendData(IcePair pair)
    {
        foreach (var channel in _channels.Values)
        {
            foreach (var (sequence, payload) in channel.Unacknowledged.Take(InMemoryDataChannel.ResendPerTick))
            {
                _port.SendPacket(pair.LocalAddress, pair.RemoteAddress, DataPacket(pair, channel.Label, sequence, payload));
            }
        }
    }

    /// <summary>Reports open, once per connection, every channel created and not yet reported (W3C <c>onopen</c>).</summary>
    private void OpenChannels()
    {
        foreach (var channel in _channels.Values.Where(c => !c.Opened))
        {
            channel.Opened = true;
            Post(new DataChannelOpened(RemoteId, Generation, channel.Label));
        }
    }

    private static MediaPacket DataPacket(IcePair pair, string label, long sequence, ReadOnlyMemory<byte> payload) =>
        new(MediaPacketKind.Data, pair.LocalUfrag, pair.RemoteUfrag, pair.LocalAddress, sequence, []) { Label = label, Payload = payload };

    /// <summary>
    /// The host's network went down: the local candidate is gone, and every pair formed on it, so the agent has no
    /// pair left and reports failed at once (as a browser's ICE transport does when its network goes away). Packets
    /// reach it no more; an ICE restart gathers a candidate again once the host is back.
    /// </summary>
    public void NetworkLost()
    {
        _localAddress = null;
        _checkingSince = null;
        SetSelected(null);
        if (State != IceConnectionState.Failed)
        {
            SetState(IceConnectionState.Failed);
        }
    }

    /// <summary>
    /// Freezes the inbound media on the selected pair: its frames still arrive and keep ICE consent (so the ICE state
    /// does not change), but no longer count as media received, as when a remote encoder or a middlebox stalls the
    /// media alone. A pair formed under newer credentials (an ICE restart) carries media again. Without a selected pair
    /// there is nothing to freeze. Returns the freeze, for <see cref="Thaw"/>.
    /// </summary>
    public MediaFreeze? Freeze()
    {
        if (_selected is not { } pair)
        {
            return null;
        }

        var freeze = new MediaFreeze(pair.LocalUfrag, pair.RemoteUfrag);
        _freezes.Add(freeze);
        return freeze;
    }

    /// <summary>Ends one freeze; others on the same pair hold.</summary>
    public void Thaw(MediaFreeze freeze) => _freezes.Remove(freeze);

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

    /// <summary>New credentials on either side: the selected pair stays until a pair under them replaces it.</summary>
    private void Restart()
    {
        _checkingSince = null;
        _checksStopped = false;
        if (State == IceConnectionState.Failed)
        {
            State = IceConnectionState.New;
        }
    }

    private string Describe() => new InMemorySdp(LocalUfrag!, $"pw{LocalUfrag}", LocalStreams).Write();

    private void Gather(string ufrag)
    {
        if (!_port.Fabric.IsOnline(_port.Host))
        {
            _localAddress = null;
            return;
        }

        _localAddress = _port.Fabric.AddressOf(_port.Host);
        Post(new LocalCandidateGathered(RemoteId, Generation, new IceCandidate(InMemorySdp.Candidate(_localAddress, ufrag), "0", 0)));
    }

    private void Heard(IcePair pair)
    {
        if (pair != _selected)
        {
            SetSelected(pair);
        }

        _lastHeard = Now;
        if (pair.FormedUnder(LocalUfrag, RemoteUfrag))
        {
            _checkingSince = null;
        }

        if (State != IceConnectionState.Connected)
        {
            SetState(IceConnectionState.Connected);
            OpenChannels();
        }
    }

    private void Tick()
    {
        if (_closed)
        {
            return;
        }

        _ticks++;
        if (_selected is { } pair)
        {
            _port.SendPacket(pair.LocalAddress, pair.RemoteAddress, new MediaPacket(MediaPacketKind.Frame, pair.LocalUfrag, pair.RemoteUfrag, pair.LocalAddress, ++_sequence, LocalStreams));
            ResendData(pair);
        }

        if (_ticks % FlowReportEveryTicks == 0)
        {
            Post(new MediaFlowReported(RemoteId, Generation, FramesReceived, BytesReceived));
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

    /// <summary>
    /// Checks the remote's candidates under the current credentials until a pair is formed under them. When they time
    /// out the checks stop; the state fails then only if no earlier pair still carries the media.
    /// </summary>
    private void Check()
    {
        if (_checksStopped || _selected?.FormedUnder(LocalUfrag, RemoteUfrag) == true || LocalUfrag is null || RemoteUfrag is null || _localAddress is null)
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
            _checksStopped = true;
            if (_selected is null && State != IceConnectionState.Failed)
            {
                SetState(IceConnectionState.Failed);
            }

            return;
        }

        foreach (var address in targets)
        {
            _port.SendPacket(_localAddress, address, new MediaPacket(MediaPacketKind.Check, LocalUfrag, RemoteUfrag, _localAddress, 0, []));
        }
    }

    /// <summary>
    /// Consent on the selected pair: disconnected after a short silence, and after a long one the pair is dropped and
    /// the state fails. Its credentials are not checked again (RFC 7675 §5.1); a restart's checks under newer ones go on.
    /// </summary>
    private void Consent()
    {
        if (_selected is not { } pair)
        {
            return;
        }

        var silent = Now - _lastHeard;
        if (silent > InMemoryMediaPort.ConsentFailedAfter)
        {
            _checksStopped |= pair.FormedUnder(LocalUfrag, RemoteUfrag);
            SetSelected(null);
            SetState(IceConnectionState.Failed);
        }
        else if (silent > InMemoryMediaPort.ConsentDisconnectedAfter && State == IceConnectionState.Connected)
        {
            SetState(IceConnectionState.Disconnected);
        }
    }

    private void SetSelected(IcePair? pair)
    {
        var reindex = pair?.LocalUfrag != _selected?.LocalUfrag;
        _selected = pair;
        if (reindex)
        {
            _port.Index(this);
        }
    }

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

/// <summary>One freeze of the inbound media on the pair formed under these credentials (a reference: two freezes are two shares).</summary>
/// <param name="LocalUfrag">The frozen pair's local ufrag.</param>
/// <param name="RemoteUfrag">The frozen pair's remote ufrag.</param>
internal sealed class MediaFreeze(string LocalUfrag, string RemoteUfrag)
{
    public string LocalUfrag { get; } = LocalUfrag;

    public string RemoteUfrag { get; } = RemoteUfrag;
}

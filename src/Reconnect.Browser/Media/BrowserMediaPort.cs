using System.Runtime.InteropServices.JavaScript;
using System.Text.Json;
using Reconnect.Browser.Interop;
using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Browser.Media;

/// <summary>
/// The media port over the browser's RTCPeerConnection: each verb is forwarded to wwwroot/reconnect-media.js, each of its
/// events becomes an engine input. Both W3C states are watched, since Chromium may keep iceConnectionState at
/// disconnected while connectionState goes failed (see <see cref="PeerConnectionStates"/>).
/// </summary>
internal sealed class BrowserMediaPort : IMediaPort, IDataChannelPort
{
    private readonly IEngineInputSink _sink;
    private readonly bool _relayOnly;
    private readonly IReadOnlyList<string> _dataChannelLabels;
    private readonly SortedDictionary<(string Peer, int Generation), PeerConnectionStates> _connections = [];
    private readonly Dictionary<string, JSObject> _localMedia = new(StringComparer.Ordinal);

    /// <summary>Creates the port.</summary>
    /// <param name="sink">Where its events go.</param>
    /// <param name="relayOnly">True to set <c>iceTransportPolicy: "relay"</c> on every connection.</param>
    /// <param name="dataChannelLabels">The declared data channels in order: a channel's index is its negotiated id on both sides.</param>
    public BrowserMediaPort(IEngineInputSink sink, bool relayOnly, IReadOnlyList<string> dataChannelLabels)
    {
        _sink = sink;
        _relayOnly = relayOnly;
        _dataChannelLabels = dataChannelLabels;
        MediaEvents.Port = this;
    }

    /// <summary>How many connections are open.</summary>
    public int OpenConnections => _connections.Count;

    /// <summary>The newest open connection of each remote peer.</summary>
    public IReadOnlyList<(string Peer, int Generation)> Current =>
        [.. _connections.Keys.GroupBy(k => k.Peer, StringComparer.Ordinal).Select(g => g.MaxBy(k => k.Generation))];

    public void CreateConnection(string remotePeerId, int generation, IReadOnlyList<IceServer> iceServers, bool polite, IReadOnlyList<StreamInfo> localStreams)
    {
        ArgumentNullException.ThrowIfNull(iceServers);
        ArgumentNullException.ThrowIfNull(localStreams);
        var servers = iceServers.Select(s => new IceServerJson(s.Urls, s.Username, s.Credential)).ToList();
        MediaModule.CreateConnection(remotePeerId, generation, JsonSerializer.Serialize(servers, PageJsonContext.Default.ListIceServerJson), _relayOnly);
        _connections[(remotePeerId, generation)] = new PeerConnectionStates();
        foreach (var stream in localStreams)
        {
            AttachLocalStream(remotePeerId, generation, stream);
        }
    }

    public void CreateOffer(string remotePeerId, int generation) => MediaModule.CreateOffer(remotePeerId, generation);

    public void CreateAnswer(string remotePeerId, int generation) => MediaModule.CreateAnswer(remotePeerId, generation);

    public void SetLocalDescription(string remotePeerId, int generation, SessionDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        MediaModule.SetLocalDescription(remotePeerId, generation, SdpTypeName(description.Type), description.Sdp);
    }

    public void RestartIce(string remotePeerId, int generation) => MediaModule.RestartIce(remotePeerId, generation);

    public void SetRemoteDescription(string remotePeerId, int generation, SessionDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        MediaModule.SetRemoteDescription(remotePeerId, generation, SdpTypeName(description.Type), description.Sdp);
    }

    public void AddIceCandidate(string remotePeerId, int generation, IceCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        MediaModule.AddIceCandidate(remotePeerId, generation, candidate.Candidate, candidate.SdpMid ?? string.Empty, candidate.SdpMLineIndex ?? -1);
    }

    public void AttachLocalStream(string remotePeerId, int generation, StreamInfo stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.Media is JSObject media)
        {
            _localMedia[stream.StreamId] = media;
            MediaModule.AddStream(remotePeerId, generation, stream.StreamId, media);
        }
    }

    public void DetachLocalStream(string remotePeerId, int generation, string streamId) => MediaModule.RemoveStream(remotePeerId, generation, streamId);

    public void ReplaceTrack(string remotePeerId, int generation, string streamId, string trackId)
    {
        var media = _localMedia.GetValueOrDefault(streamId) ?? throw new InvalidOperationException($"no local stream {streamId} on this page");
        MediaModule.ReplaceTrack(remotePeerId, generation, streamId, trackId, media);
    }

    public void Close(string remotePeerId, int generation)
    {
        _connections.Remove((remotePeerId, generation));
        MediaModule.Close(remotePeerId, generation);
    }

    public void CreateDataChannel(string remotePeerId, int generation, string label, DataChannelInit init)
    {
        ArgumentNullException.ThrowIfNull(init);
        var id = _dataChannelLabels.ToList().IndexOf(label);
        if (id < 0)
        {
            throw new InvalidOperationException($"data channel {label} was not declared");
        }

        MediaModule.CreateDataChannel(
            remotePeerId,
            generation,
            label,
            id,
            init.Ordered,
            init.MaxRetransmits ?? -1,
            init.MaxPacketLifeTime is { } life ? (int)life.TotalMilliseconds : -1);
    }

    /// <summary>
    /// Hands a message to the channel. A channel that closed before the engine heard of it cannot take it: the engine is
    /// told the channel closed, so what it sends next waits for the channel to open again instead of going the same way.
    /// </summary>
    public void Send(string remotePeerId, int generation, string label, ReadOnlyMemory<byte> payload)
    {
        if (!MediaModule.SendData(remotePeerId, generation, label, new ArraySegment<byte>(payload.ToArray())))
        {
            _sink.Post(new DataChannelClosed(remotePeerId, generation, label));
        }
    }

    public void DescriptionCreated(string peer, int generation, string type, string sdp) =>
        _sink.Post(new LocalDescriptionCreated(peer, generation, new SessionDescription(ParseSdpType(type), sdp)));

    public void LocalDescriptionApplied(string peer, int generation, string type, string sdp) =>
        _sink.Post(new LocalDescriptionApplied(peer, generation, new SessionDescription(ParseSdpType(type), sdp)));

    public void LocalCandidate(string peer, int generation, string candidate, string sdpMid, int sdpMLineIndex) =>
        _sink.Post(new LocalCandidateGathered(peer, generation, new IceCandidate(candidate, sdpMid.Length == 0 ? null : sdpMid, sdpMLineIndex < 0 ? null : sdpMLineIndex)));

    public void IceConnectionStateChanged(string peer, int generation, string state) => Report(peer, generation, Find(peer, generation)?.IceChanged(state));

    public void ConnectionStateChanged(string peer, int generation, string state) => Report(peer, generation, Find(peer, generation)?.ConnectionChanged(state));

    /// <summary>A remote stream arrived (once per track: the engine hears of each stream once per connection).</summary>
    public void RemoteStream(string peer, int generation, string streamId, JSObject stream)
    {
        if (Find(peer, generation) is not { } states || !states.StreamArrived(streamId))
        {
            return;
        }

        _sink.Post(new RemoteStreamArrived(peer, generation, streamId, stream));
    }

    public void OperationFailed(string peer, int generation, string operation, string reason) =>
        _sink.Post(new MediaOperationFailed(peer, generation, Enum.Parse<MediaOperation>(operation), reason));

    public void DataChannelOpened(string peer, int generation, string label) => _sink.Post(new DataChannelOpened(peer, generation, label));

    public void DataChannelClosed(string peer, int generation, string label) => _sink.Post(new DataChannelClosed(peer, generation, label));

    public void DataReceived(string peer, int generation, string label, byte[] payload) => _sink.Post(new DataReceived(peer, generation, label, payload));

    private void Report(string peer, int generation, IceConnectionState? changed)
    {
        if (changed is { } state)
        {
            _sink.Post(new IceStateChanged(peer, generation, state));
        }
    }

    private PeerConnectionStates? Find(string peer, int generation) => _connections.GetValueOrDefault((peer, generation));

    private static string SdpTypeName(SdpType type) => type == SdpType.Offer ? "offer" : "answer";

    private static SdpType ParseSdpType(string type) => type == "offer" ? SdpType.Offer : SdpType.Answer;
}

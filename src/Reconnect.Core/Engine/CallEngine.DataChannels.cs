using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;

namespace Reconnect.Core.Engine;

/// <summary>
/// Declared data channels: opened on every connection generation with the same label and options, sends queued (or
/// failed) while a channel is not open on the live connection and flushed in order when it opens, messages received
/// raised with the remote peer's identity. With no channel declared none of this emits anything.
/// </summary>
public sealed partial class CallEngine
{
    private readonly SortedDictionary<string, SortedDictionary<string, DataLane>> _dataLanes = new(StringComparer.Ordinal);

    /// <summary>Creates every declared channel on the connection just built, before its first offer.</summary>
    private void OpenDeclaredChannels(RemotePeerEntry peer)
    {
        foreach (var channel in _options.DataChannels.Channels)
        {
            Emit(new OpenDataChannel(peer.Id, peer.Generation, channel.Label, channel.Delivery));
        }
    }

    private void HandleDataSend(DataSendRequested send)
    {
        if (!_peers.TryGetValue(send.RemotePeerId, out var peer))
        {
            FailSend(send.SendId, send.RemotePeerId, send.Label, DataSendFailure.UnknownPeer);
            return;
        }

        if (Lane(peer.Id, send.Label) is not { } lane)
        {
            FailSend(send.SendId, peer.Id, send.Label, DataSendFailure.UndeclaredChannel);
            return;
        }

        switch (DataSendPolicy.Decide(IsOpen(peer, lane), lane.Waiting.Count, _options.DataChannels))
        {
            case DataSendDecision.SendNow:
                Emit(new SendData(peer.Id, peer.Generation, lane.Channel.Label, send.Payload));
                Emit(new DataSendAcceptedNotice(send.SendId, peer.Id, lane.Channel.Label, Queued: false));
                break;
            case DataSendDecision.Enqueue:
                lane.Waiting.Enqueue(new PendingData(send.SendId, send.Payload));
                Mark(CoverageMarks.DataQueued);
                Emit(new DataSendAcceptedNotice(send.SendId, peer.Id, lane.Channel.Label, Queued: true));
                break;
            case DataSendDecision.RejectNotOpen:
                FailSend(send.SendId, peer.Id, lane.Channel.Label, DataSendFailure.ChannelNotOpen);
                break;
            default:
                FailSend(send.SendId, peer.Id, lane.Channel.Label, DataSendFailure.QueueFull);
                break;
        }
    }

    private void HandleDataChannelOpened(DataChannelOpened opened)
    {
        if (!TryGetLive(opened.RemotePeerId, opened.Generation, "data channel opened", out var peer))
        {
            return;
        }

        if (Lane(peer.Id, opened.Label) is not { } lane)
        {
            Ignore($"data channel {opened.Label} opened for {peer.Id}", "not a declared channel");
            return;
        }

        lane.OpenGeneration = opened.Generation;
        FlushData(peer);
    }

    private void HandleDataChannelClosed(DataChannelClosed closed)
    {
        if (!TryGetLive(closed.RemotePeerId, closed.Generation, "data channel closed", out var peer))
        {
            return;
        }

        if (Lane(peer.Id, closed.Label) is { } lane)
        {
            lane.OpenGeneration = 0;
        }
    }

    private void HandleDataReceived(DataReceived received)
    {
        if (TryGetLive(received.RemotePeerId, received.Generation, "data received", out var peer))
        {
            Emit(new DataReceivedNotice(peer.Id, peer.Ref, received.Label, received.Payload));
        }
    }

    /// <summary>Sends, in order, what waits on every channel now open on the peer's live connection; called when a channel opens or the peer connects.</summary>
    private void FlushData(RemotePeerEntry peer)
    {
        if (!_dataLanes.TryGetValue(peer.Id, out var lanes))
        {
            return;
        }

        foreach (var lane in lanes.Values)
        {
            while (IsOpen(peer, lane) && lane.Waiting.TryDequeue(out var pending))
            {
                Emit(new SendData(peer.Id, peer.Generation, lane.Channel.Label, pending.Payload));
                Mark(CoverageMarks.DataFlushed);
            }
        }
    }

    /// <summary>The peer is gone (it left, or the local peer left or closed): what waits for it fails, each send with its own error.</summary>
    private void DropData(string peerId, DataSendFailure reason)
    {
        if (!_dataLanes.Remove(peerId, out var lanes))
        {
            return;
        }

        foreach (var lane in lanes.Values)
        {
            foreach (var pending in lane.Waiting)
            {
                FailSend(pending.SendId, peerId, lane.Channel.Label, reason);
            }
        }
    }

    private void FailSend(long sendId, string peerId, string label, DataSendFailure reason) =>
        Emit(new ErrorRaisedNotice(new DataSendFailed(sendId, peerId, label, reason)));

    /// <summary>A channel is open for sending when it opened on the live connection and the peer is connected there.</summary>
    private static bool IsOpen(RemotePeerEntry peer, DataLane lane) =>
        peer.HasConnection && peer.State == RemotePeerState.Connected && lane.OpenGeneration == peer.Generation;

    /// <summary>The lane of a declared channel to a peer, made on first use; null when the label is not declared.</summary>
    private DataLane? Lane(string peerId, string label)
    {
        if (Declared(label) is not { } declared)
        {
            return null;
        }

        if (!_dataLanes.TryGetValue(peerId, out var lanes))
        {
            lanes = new SortedDictionary<string, DataLane>(StringComparer.Ordinal);
            _dataLanes[peerId] = lanes;
        }

        if (!lanes.TryGetValue(label, out var lane))
        {
            lane = new DataLane(declared);
            lanes[label] = lane;
        }

        return lane;
    }

    private DeclaredDataChannel? Declared(string label)
    {
        foreach (var channel in _options.DataChannels.Channels)
        {
            if (string.Equals(channel.Label, label, StringComparison.Ordinal))
            {
                return channel;
            }
        }

        return null;
    }
}

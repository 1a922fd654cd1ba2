using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Core.Engine;

/// <summary>The local peer: user commands, local streams, eviction, leave and close.</summary>
public sealed partial class CallEngine
{
    private LocalPeerPhase _localPhase = LocalPeerMachine.Table.Initial;
    private string _channel = string.Empty;
    private string _peerId = string.Empty;
    private IReadOnlyDictionary<string, string> _metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
    private readonly List<StreamInfo> _localStreams = [];
    private readonly SortedDictionary<string, string> _localTracks = new(StringComparer.Ordinal);
    private Instant _reconnectingSince;
    private string _evictionReason = "network-disconnect";
    private bool _forceRebuildNextRound;
    private JoinRequested? _requestedJoin;
    private JoinRequested? _queuedJoin;

    private void HandleJoin(JoinRequested join)
    {
        if (string.IsNullOrWhiteSpace(join.Channel) || string.IsNullOrWhiteSpace(join.PeerId))
        {
            Emit(new ErrorRaisedNotice(new CommandRejected("join without a channel or peer id", LocalState.ToString())));
            return;
        }

        _requestedJoin = join;
        Command("join", LocalPeerTrigger.JoinRequested, "join requested");
        _requestedJoin = null;
    }

    /// <summary>
    /// Fires a user command's trigger. Where the table ignores it, the app is told why (<see cref="InputIgnoredNotice"/>, naming
    /// the command); only where the table rejects it is it a typed <see cref="CommandRejected"/> error.
    /// </summary>
    private void Command(string command, LocalPeerTrigger trigger, string reason)
    {
        var from = LocalState;
        if (FireLocal(trigger, reason, command) is { Rejected: true })
        {
            Emit(new ErrorRaisedNotice(new CommandRejected(command, from.ToString())));
        }
    }

    private void StartQueuedJoin()
    {
        var join = _queuedJoin ?? throw new InvalidOperationException("The local peer table started a join with none queued.");
        _queuedJoin = null;
        _channel = join.Channel;
        _peerId = join.PeerId;
        _metadata = Copy(join.Metadata);
        _everWelcomed = false;
        _welcomesSinceJoin = 0;
        _sessionId = null;
    }

    private void HandleLocalStreamAdded(StreamInfo stream)
    {
        if (_localStreams.Exists(s => s.StreamId == stream.StreamId))
        {
            Emit(new ErrorRaisedNotice(new CommandRejected($"add stream '{stream.StreamId}' twice", LocalState.ToString())));
            return;
        }

        _localStreams.Add(stream);
        Send(new PublishStreamMessage(stream));
        foreach (var peer in LiveConnections())
        {
            Emit(new AttachLocalStream(peer.Id, peer.Generation, stream));
            FireNegotiation(peer, NegotiationTrigger.OfferNeeded);
        }
    }

    private void HandleLocalStreamRemoved(string streamId)
    {
        if (_localStreams.RemoveAll(s => s.StreamId == streamId) == 0)
        {
            Emit(new ErrorRaisedNotice(new CommandRejected($"remove unknown stream '{streamId}'", LocalState.ToString())));
            return;
        }

        _localTracks.Remove(streamId);
        Send(new UnpublishStreamMessage(streamId));
        foreach (var peer in LiveConnections())
        {
            Emit(new DetachLocalStream(peer.Id, peer.Generation, streamId));
            FireNegotiation(peer, NegotiationTrigger.OfferNeeded);
        }
    }

    private void HandleTrackReplaced(LocalTrackReplaced replaced)
    {
        if (!_localStreams.Exists(s => s.StreamId == replaced.StreamId))
        {
            Emit(new ErrorRaisedNotice(new CommandRejected($"replace the track of unknown stream '{replaced.StreamId}'", LocalState.ToString())));
            return;
        }

        _localTracks[replaced.StreamId] = replaced.TrackId;
        foreach (var peer in LiveConnections())
        {
            Emit(new ReplaceTrack(peer.Id, peer.Generation, replaced.StreamId, replaced.TrackId));
        }
    }

    private IEnumerable<RemotePeerEntry> LiveConnections() =>
        _peers.Values.Where(p => p.HasConnection && p.State != RemotePeerState.Closed).ToList();

    private void ApplyLocalEffect(LocalPeerEffect effect)
    {
        switch (effect)
        {
            case LocalPeerEffect.ConnectSignalling:
                Tell(MachineSignal.ToSocket(SignallingSocketTrigger.ConnectRequested));
                break;
            case LocalPeerEffect.QueueJoin:
                _queuedJoin = _requestedJoin ?? throw new InvalidOperationException("The local peer table queued a join outside a join request.");
                break;
            case LocalPeerEffect.StartQueuedJoin:
                StartQueuedJoin();
                break;
            case LocalPeerEffect.DropQueuedJoin:
                _queuedJoin = null;
                break;
            case LocalPeerEffect.RaiseEvicted:
                Emit(new ErrorRaisedNotice(new EvictedError(_evictionReason, _options.OnEvicted == EvictionBehaviour.RejoinAsNew)));
                break;
            case LocalPeerEffect.RejoinAsNew:
                _sessionId = null;
                _forceRebuildNextRound = true;
                if (_socketState == SignallingSocketState.Open)
                {
                    KillSocket(CloseCodes.Normal, "rejoining after eviction");
                }
                else
                {
                    Send(new JoinMessage(_channel, _peerId, _metadata, [.. _localStreams], null, PingIntervalMs));
                }

                break;
            case LocalPeerEffect.StartStillReconnectingTimer:
                _reconnectingSince = _now;
                _timers.Start(TimerKind.StillReconnecting, string.Empty, _now + _options.StillReconnectingAfter, _emit);
                break;
            case LocalPeerEffect.CancelStillReconnectingTimer:
                _timers.Cancel(TimerKind.StillReconnecting, string.Empty, _emit);
                break;
            case LocalPeerEffect.StartReconnectingVisibleTimer or LocalPeerEffect.EndReconnectingVisible:
                ApplyReconnectingVisibleEffect(effect);
                break;
            case LocalPeerEffect.BeginLeave:
                Send(new LeaveMessage());
                _timers.Start(TimerKind.LeaveTimeout, string.Empty, _now + (SignallingUp ? _options.LeaveTimeout : TimeSpan.Zero), _emit);
                break;
            case LocalPeerEffect.SendLeave:
                Send(new LeaveMessage());
                break;
            case LocalPeerEffect.CancelLeaveTimer:
                _timers.Cancel(TimerKind.LeaveTimeout, string.Empty, _emit);
                break;
            case LocalPeerEffect.ReleaseChannel:
                Tell(MachineSignal.ToSocket(SignallingSocketTrigger.Released));
                Tell(MachineSignal.ToReconcile(ReconcileTrigger.Superseded));
                Tell(MachineSignal.ToEveryRemotePeer(RemotePeerTrigger.LocalShutdown, "local peer left"));
                ClearHeldSignals();
                _sessionId = null;
                break;
            case LocalPeerEffect.ShutDown:
                Tell(MachineSignal.ToSocket(SignallingSocketTrigger.CloseRequested));
                Tell(MachineSignal.ToReconcile(ReconcileTrigger.Superseded));
                Tell(MachineSignal.ToEveryRemotePeer(RemotePeerTrigger.LocalShutdown, "local peer closed"));
                ClearHeldSignals();
                _timers.CancelAll(_emit);
                _sessionId = null;
                _queuedJoin = null;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(effect), effect, "Unknown local peer effect.");
        }
    }
}

using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Engine;

/// <summary>Reconcile: after each welcome, diff a full roster snapshot against the identity map.</summary>
public sealed partial class CallEngine
{
    /// <summary>The peer-left reason when a peer is gone from the roster and the server did not say why.</summary>
    private const string UnknownDeparture = "unknown";

    private ReconcileState _reconcileState = ReconcileMachine.Table.Initial;
    private int _nextRosterRequest;
    private int _roundFirstRequestId = int.MaxValue;
    private int _roundRequests;
    private int _welcomesSinceJoin;
    private RosterMessage? _pendingRoster;
    private long _nextPeerRef;
    private long _nextStreamRef;

    private void ApplyReconcileEffect(ReconcileEffect effect)
    {
        switch (effect)
        {
            case ReconcileEffect.BeginRound:
                _roundRequests = 0;
                _roundFirstRequestId = _nextRosterRequest + 1;
                break;
            case ReconcileEffect.RequestRoster:
                _roundRequests++;
                Send(new RosterRequestMessage(++_nextRosterRequest));
                _timers.Start(TimerKind.ReconcileDeadline, string.Empty, _now + _options.Reconcile.Deadline, _emit);
                break;
            case ReconcileEffect.CancelDeadline:
                _timers.Cancel(TimerKind.ReconcileDeadline, string.Empty, _emit);
                break;
            case ReconcileEffect.ApplySnapshot:
                ApplyRoster(_pendingRoster ?? new RosterMessage(0, []));
                _pendingRoster = null;
                break;
            case ReconcileEffect.RaiseTimeout:
                Emit(new ErrorRaised(new ReconcileTimeout(_roundRequests)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(effect), effect, "Unknown reconcile effect.");
        }
    }

    private void ApplyRoster(RosterMessage roster)
    {
        var snapshot = new SortedDictionary<string, RosterEntry>(StringComparer.Ordinal);
        foreach (var entry in roster.Peers)
        {
            if (entry.PeerId == _peerId)
            {
                Emit(new ErrorRaised(new ProtocolViolation($"the roster lists the local peer '{entry.PeerId}'")));
            }
            else if (!snapshot.TryAdd(entry.PeerId, entry))
            {
                Emit(new ErrorRaised(new ProtocolViolation($"the roster lists '{entry.PeerId}' twice; the first entry is kept")));
            }
        }

        foreach (var gone in _peers.Values.Where(p => !snapshot.TryGetValue(p.Id, out var e) || e.SessionId != p.Roster.SessionId).ToList())
        {
            Mark(CoverageMarks.ReconcileRemove);
            var departed = roster.Departed?.LastOrDefault(d => d.PeerId == gone.Id && d.SessionId == gone.Roster.SessionId);
            RemovePeer(gone, departed?.Reason ?? (snapshot.ContainsKey(gone.Id) ? "replaced" : UnknownDeparture));
        }

        var rebuildAll = _forceRebuildNextRound || _options.ForceMediaRestartOnReconnect;
        _forceRebuildNextRound = false;
        foreach (var entry in snapshot.Values)
        {
            if (_peers.TryGetValue(entry.PeerId, out var peer) && peer.State != RemotePeerState.Closed)
            {
                UpdatePeer(peer, entry);
                if (peer.ConnectionEpoch != _epoch && (rebuildAll || peer.State != RemotePeerState.Connected))
                {
                    Mark(CoverageMarks.ReconcileSwap);
                    Rebuild(peer, peer.Generation + 1, "reconcile", offer: true);
                }
                else
                {
                    Mark(CoverageMarks.ReconcileKeep);
                }
            }
            else
            {
                if (peer is not null)
                {
                    RemovePeer(peer, "replaced after its connection was closed");
                }

                if (_welcomesSinceJoin > 1)
                {
                    Mark(CoverageMarks.ReconcileAdd);
                }

                AddPeer(entry);
            }
        }
    }

    private void HandlePeerJoined(RosterEntry entry, DepartedSession? replaces)
    {
        if (entry.PeerId == _peerId)
        {
            Emit(new ErrorRaised(new ProtocolViolation("peer-joined names the local peer")));
            return;
        }

        if (_peers.TryGetValue(entry.PeerId, out var peer))
        {
            if (peer.Roster.SessionId == entry.SessionId && peer.State != RemotePeerState.Closed)
            {
                UpdatePeer(peer, entry);
                return;
            }

            RemovePeer(peer, replaces is { } ended && ended.SessionId == peer.Roster.SessionId ? ended.Reason : "replaced");
        }

        AddPeer(entry);
    }

    private void HandlePeerLeft(PeerLeftMessage left)
    {
        if (!_peers.TryGetValue(left.PeerId, out var peer) || peer.Roster.SessionId != left.SessionId)
        {
            Ignore($"peer-left {left.PeerId}", "no such peer session");
            return;
        }

        RemovePeer(peer, left.Reason);
    }

    private void HandlePeerUpdated(RosterEntry entry)
    {
        if (!_peers.TryGetValue(entry.PeerId, out var peer) || peer.Roster.SessionId != entry.SessionId)
        {
            Ignore($"peer-updated {entry.PeerId}", "no such peer session");
            return;
        }

        UpdatePeer(peer, entry);
    }

    private void AddPeer(RosterEntry entry)
    {
        var peer = new RemotePeerEntry(entry.PeerId, ++_nextPeerRef, entry with { Metadata = Copy(entry.Metadata) }, NegotiationRoles.IsPolite(_peerId, entry.PeerId));
        _peers[peer.Id] = peer;
        Emit(new PeerJoined(peer.Roster, peer.Ref));
        Rebuild(peer, 1, "new peer", offer: !peer.Polite);
        ReleaseHeldSignals(peer.Id);
    }

    private void UpdatePeer(RemotePeerEntry peer, RosterEntry entry)
    {
        var before = peer.Roster;
        peer.Roster = entry with { Metadata = Copy(entry.Metadata) };
        if (!MetadataEquality.Same(before.Metadata, entry.Metadata))
        {
            Emit(new PeerMetadataChanged(peer.Id, peer.Ref, peer.Roster.Metadata));
        }

        var published = entry.Streams.Select(s => s.StreamId).ToHashSet(StringComparer.Ordinal);
        foreach (var (streamId, bound) in peer.Streams.Where(s => !published.Contains(s.Key)).ToList())
        {
            peer.Streams.Remove(streamId);
            peer.SeenStreamIds.Remove(streamId);
            Emit(new StreamRemoved(peer.Id, peer.Ref, streamId, bound.StreamRef));
        }
    }

    private void RemovePeer(RemotePeerEntry peer, string reason)
    {
        foreach (var (streamId, bound) in peer.Streams)
        {
            Emit(new StreamRemoved(peer.Id, peer.Ref, streamId, bound.StreamRef));
        }

        peer.Streams.Clear();
        FireRemote(peer, RemotePeerTrigger.PeerLeft, reason);
        _peers.Remove(peer.Id);
        Emit(new PeerLeft(peer.Id, peer.Ref, reason));
    }

    /// <summary>The local peer left or closed: every RemotePeer closes, but none of them left, so no peer-left or stream-removed.</summary>
    private void CloseEveryPeer(string reason)
    {
        foreach (var peer in _peers.Values.ToList())
        {
            FireRemote(peer, RemotePeerTrigger.LocalShutdown, reason);
            _peers.Remove(peer.Id);
        }
    }
}

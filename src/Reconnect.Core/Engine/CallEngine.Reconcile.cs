using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

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
    private bool _awaitRejoins;
    private readonly RosterOrder _rosterOrder = new();
    private Instant _nextUnknownPeerReread;
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

        var version = roster.Version;
        foreach (var gone in _peers.Values.Where(p => !snapshot.TryGetValue(p.Id, out var e) || e.SessionId != p.Roster.SessionId).ToList())
        {
            if (version != 0 && gone.Version > version)
            {
                Ignore($"roster {roster.RequestId} (version {version}) about {gone.Id}", $"the peer's event of version {gone.Version} is newer than the snapshot");
                snapshot.Remove(gone.Id);
                continue;
            }

            var departed = roster.Departed?.LastOrDefault(d => d.PeerId == gone.Id && d.SessionId == gone.Roster.SessionId);
            var listed = snapshot.ContainsKey(gone.Id);
            if (departed is null && gone.State != RemotePeerState.Closed && (listed || gone.AwaitingRejoin || _awaitRejoins || roster.Departed is not null))
            {
                if (!listed)
                {
                    AwaitRejoin(gone);
                }

                continue;
            }

            Mark(CoverageMarks.ReconcileRemove);
            RemovePeer(gone, departed?.Reason ?? (listed ? "replaced" : UnknownDeparture));
        }

        foreach (var leftLater in snapshot.Values.Where(e => _rosterOrder.LeftAfter(e.PeerId, e.SessionId, version)).ToList())
        {
            Ignore($"roster {roster.RequestId} (version {version}) about {leftLater.PeerId}", "the session left after the snapshot was taken");
            snapshot.Remove(leftLater.PeerId);
        }

        var rebuildAll = _forceRebuildNextRound || _options.ForceMediaRestartOnReconnect;
        _forceRebuildNextRound = false;
        foreach (var entry in snapshot.Values)
        {
            if (_peers.TryGetValue(entry.PeerId, out var peer) && peer.State != RemotePeerState.Closed)
            {
                if (entry.SessionId != peer.Roster.SessionId)
                {
                    KeepRejoined(peer, entry, version);
                    continue;
                }

                if (version == 0 || peer.Version <= version)
                {
                    UpdatePeer(peer, entry, version);
                }

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

                AddPeer(entry, version);
            }
        }

        _rosterOrder.SnapshotApplied(version);
        _awaitRejoins = false;
    }

    /// <summary>
    /// A signal came from a peer the engine does not know, though the server relays only between members: re-read the
    /// roster, so a join the engine missed is repaired instead of the signals being held until they expire. A round
    /// under way answers anyway; otherwise at most one re-read per <see cref="ReconcileOptions.UnknownPeerReread"/>.
    /// </summary>
    private void RereadRosterForUnknownPeer()
    {
        if (_reconcileState != ReconcileState.Done || !SignallingUp || _now < _nextUnknownPeerReread)
        {
            return;
        }

        _nextUnknownPeerReread = _now + _options.Reconcile.UnknownPeerReread;
        Send(new RosterRequestMessage(++_nextRosterRequest));
    }

    /// <summary>A new session (not a resume) may be on a restarted server whose versions start again: forget every version.</summary>
    private void ForgetRosterOrder()
    {
        _rosterOrder.Reset();
        foreach (var peer in _peers.Values)
        {
            peer.Version = 0;
        }
    }

    private void HandlePeerJoined(PeerJoinedMessage joined)
    {
        var entry = joined.Peer;
        if (entry.PeerId == _peerId)
        {
            Emit(new ErrorRaised(new ProtocolViolation("peer-joined names the local peer")));
            return;
        }

        if (StaleRosterEvent("peer-joined", joined.Version, entry.PeerId, entry.SessionId))
        {
            return;
        }

        if (_peers.TryGetValue(entry.PeerId, out var peer))
        {
            if (peer.Roster.SessionId == entry.SessionId && peer.State != RemotePeerState.Closed)
            {
                UpdatePeer(peer, entry, joined.Version);
                return;
            }

            if (joined.Replaces is { } ended && ended.SessionId == peer.Roster.SessionId)
            {
                RemovePeer(peer, ended.Reason);
            }
            else if (peer.State != RemotePeerState.Closed)
            {
                KeepRejoined(peer, entry, joined.Version);
                return;
            }
            else
            {
                RemovePeer(peer, "replaced after its connection was closed");
            }
        }

        AddPeer(entry, joined.Version);
    }

    private void HandlePeerLeft(PeerLeftMessage left)
    {
        if (StaleRosterEvent("peer-left", left.Version, left.PeerId, left.SessionId))
        {
            return;
        }

        var known = _peers.TryGetValue(left.PeerId, out var peer);
        if (!known || peer!.Roster.SessionId == left.SessionId)
        {
            _rosterOrder.Left(left.PeerId, left.SessionId, left.Version);
        }

        if (!known || peer!.Roster.SessionId != left.SessionId)
        {
            Ignore($"peer-left {left.PeerId}", "no such peer session");
            return;
        }

        RemovePeer(peer, left.Reason);
    }

    private void HandlePeerUpdated(PeerUpdatedMessage updated)
    {
        var entry = updated.Peer;
        if (StaleRosterEvent("peer-updated", updated.Version, entry.PeerId, entry.SessionId))
        {
            return;
        }

        if (!_peers.TryGetValue(entry.PeerId, out var peer) || peer.Roster.SessionId != entry.SessionId)
        {
            Ignore($"peer-updated {entry.PeerId}", "no such peer session");
            return;
        }

        UpdatePeer(peer, entry, updated.Version);
    }

    /// <summary>True (with the reason given) when a versioned roster event is older than what the engine already applied.</summary>
    private bool StaleRosterEvent(string kind, long version, string peerId, string sessionId)
    {
        var known = _peers.TryGetValue(peerId, out var peer) ? peer.Version : 0;
        if (_rosterOrder.Stale(version, peerId, sessionId, known) is not { } why)
        {
            return false;
        }

        Ignore($"{kind} {peerId}", why);
        return true;
    }

    private void AddPeer(RosterEntry entry, long version)
    {
        var peer = new RemotePeerEntry(entry.PeerId, ++_nextPeerRef, entry with { Metadata = Copy(entry.Metadata) }, NegotiationRoles.IsPolite(_peerId, entry.PeerId))
        {
            Version = version,
        };
        _peers[peer.Id] = peer;
        Emit(new PeerJoined(peer.Roster, peer.Ref));
        Rebuild(peer, 1, "new peer", offer: !peer.Polite);
        ReleaseHeldSignals(peer.Id);
    }

    private void UpdatePeer(RemotePeerEntry peer, RosterEntry entry, long version)
    {
        peer.Version = Math.Max(peer.Version, version);
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
            if (bound.Generation == peer.Generation && peer.HasConnection)
            {
                peer.Unannounced.Add(streamId);
            }

            Emit(new StreamRemoved(peer.Id, peer.Ref, streamId, bound.StreamRef));
        }

        foreach (var streamId in peer.Unannounced.Where(published.Contains).ToList())
        {
            BindStream(peer, streamId);
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

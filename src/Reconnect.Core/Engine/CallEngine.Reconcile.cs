using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Core.Engine;

/// <summary>Reconcile: after each welcome, diff a full roster snapshot against the identity map.</summary>
public sealed partial class CallEngine
{
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
                Tell(MachineSignal.ApplyRoster);
                break;
            case ReconcileEffect.RaiseTimeout:
                Emit(new ErrorRaisedNotice(new ReconcileTimeout(_roundRequests)));
                break;
            case ReconcileEffect.AbandonSocket:
                KillSocket(CloseCodes.RosterTimeout, "the roster never came on this socket");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(effect), effect, "Unknown reconcile effect.");
        }
    }

    /// <summary>Applies the roster snapshot the reconcile accepted (delivered as a signal: it fires the remote peers' machines).</summary>
    private void ApplyPendingRoster()
    {
        ApplyRoster(_pendingRoster ?? new RosterMessage(0, []));
        _pendingRoster = null;
    }

    /// <summary>Applies the reconcile diff's decisions (see <see cref="RosterDiff"/>) for a snapshot.</summary>
    private void ApplyRoster(RosterMessage roster)
    {
        var version = roster.Version;
        var known = _peers.Values.Select(p => Known(p)).ToList();
        var context = new RosterDiffContext(_peerId, known, _rosterOrder, _awaitRejoins, _forceRebuildNextRound || _options.ForceMediaRestartOnReconnect, _epoch);
        _forceRebuildNextRound = false;
        Apply(RosterDiff.Compute(roster, context), version);
        _rosterOrder.SnapshotApplied(version);
        _awaitRejoins = false;
    }

    /// <summary>Applies the decisions of the roster diff or of a roster event, in order.</summary>
    private void Apply(IReadOnlyList<RosterDecision> decisions, long version)
    {
        foreach (var decision in decisions)
        {
            Apply(decision, version);
        }
    }

    private void Apply(RosterDecision decision, long version)
    {
        switch (decision)
        {
            case RosterViolation violation:
                Emit(new ErrorRaisedNotice(new ProtocolViolation(violation.Message)));
                break;
            case RosterPartIgnored ignored:
                Ignore(ignored.Input, ignored.Reason);
                break;
            case AwaitPeerRejoin awaited:
                AwaitRejoin(_peers[awaited.PeerId]);
                break;
            case ReplaceClosedPeer replaced:
                RemovePeer(_peers[replaced.PeerId], RosterDiff.ClosedReplaced);
                break;
            case RemoveKnownPeer removed:
                Mark(CoverageMarks.ReconcileRemove);
                RemovePeer(_peers[removed.PeerId], removed.Reason);
                break;
            case KeepRejoinedPeer rejoined:
                KeepRejoined(_peers[rejoined.PeerId], rejoined.Entry, version);
                break;
            case UpdateKnownPeer updated:
                UpdatePeer(_peers[updated.PeerId], updated.Entry, version);
                break;
            case SwapConnection swapped:
                Mark(CoverageMarks.ReconcileSwap);
                var peer = _peers[swapped.PeerId];
                Rebuild(peer, peer.Generation + 1, "reconcile", NegotiationTrigger.RebuiltHere);
                break;
            case KeepConnection kept:
                Mark(CoverageMarks.ReconcileKeep);
                PresenceAfterReconcile(_peers[kept.PeerId], kept.ListedAway);
                OfferWhatWaited(_peers[kept.PeerId]);
                break;
            case AddNewPeer added:
                if (_welcomesSinceJoin > 1)
                {
                    Mark(CoverageMarks.ReconcileAdd);
                }

                AddPeer(added.Entry, version);
                break;
            case AddJoinedPeer joinedPeer:
                AddPeer(joinedPeer.Entry, version);
                break;
            case EndPeerSession ended:
                RemovePeer(_peers[ended.PeerId], ended.Reason);
                break;
            case RecordSessionLeft left:
                _rosterOrder.Left(left.PeerId, left.SessionId, version);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown roster decision.");
        }
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

    private void HandlePeerJoined(PeerJoinedMessage joined) =>
        Apply(RosterEvents.Joined(joined, _peerId, Known(joined.Peer.PeerId), _rosterOrder), joined.Version);

    private void HandlePeerLeft(PeerLeftMessage left) =>
        Apply(RosterEvents.Left(left, Known(left.PeerId), _rosterOrder), left.Version);

    private void HandlePeerUpdated(PeerUpdatedMessage updated) =>
        Apply(RosterEvents.Updated(updated, Known(updated.Peer.PeerId), _rosterOrder), updated.Version);

    /// <summary>What the roster functions see of a peer the engine knows, or null when it knows none by that id.</summary>
    private KnownPeer? Known(string peerId) => _peers.TryGetValue(peerId, out var peer) ? Known(peer) : null;

    private static KnownPeer Known(RemotePeerEntry peer) =>
        new(peer.Id, peer.Roster.SessionId, peer.State, peer.Version, peer.AwaitingRejoin, peer.ConnectionEpoch, peer.Phase == RemotePeerPhase.Away);

    private void AddPeer(RosterEntry entry, long version)
    {
        var peer = new RemotePeerEntry(entry.PeerId, ++_nextPeerRef, entry with { Metadata = Copy(entry.Metadata) }, NegotiationRoles.IsPolite(_peerId, entry.PeerId), _tables)
        {
            Version = version,
        };
        _peers[peer.Id] = peer;
        Emit(new PeerJoinedNotice(peer.Roster, peer.Ref));
        Rebuild(peer, 1, "new peer", NegotiationTrigger.ConnectionCreated);
        ReleaseHeldSignals(peer.Id);
    }

    private void UpdatePeer(RemotePeerEntry peer, RosterEntry entry, long version)
    {
        peer.Version = Math.Max(peer.Version, version);
        var before = peer.Roster;
        peer.Roster = entry with { Metadata = Copy(entry.Metadata) };
        if (!MetadataEquality.Same(before.Metadata, entry.Metadata))
        {
            Emit(new PeerMetadataChangedNotice(peer.Id, peer.Ref, peer.Roster.Metadata));
        }

        var published = entry.Streams.Select(s => s.StreamId).ToHashSet(StringComparer.Ordinal);
        foreach (var (streamId, bound) in peer.Streams.Where(s => !published.Contains(s.Key)).ToList())
        {
            peer.Streams.Remove(streamId);
            peer.SeenStreamIds.Remove(streamId);
            if (bound.Generation == peer.Generation && peer.HasConnection)
            {
                peer.Unannounced[streamId] = bound.Media;
            }

            Emit(new StreamRemovedNotice(peer.Id, peer.Ref, streamId, bound.StreamRef));
        }

        foreach (var (streamId, media) in peer.Unannounced.Where(s => published.Contains(s.Key)).ToList())
        {
            BindStream(peer, streamId, media);
        }
    }

    private void RemovePeer(RemotePeerEntry peer, string reason)
    {
        foreach (var (streamId, bound) in peer.Streams)
        {
            Emit(new StreamRemovedNotice(peer.Id, peer.Ref, streamId, bound.StreamRef));
        }

        peer.Streams.Clear();
        FireRemote(peer, RemotePeerTrigger.PeerLeft, reason);
        _peers.Remove(peer.Id);
        DropData(peer.Id, DataSendFailure.PeerLeft);
        Emit(new PeerLeftNotice(peer.Id, peer.Ref, reason));
    }

    /// <summary>The local peer left or closed: every RemotePeer closes, but none of them left, so no peer-left or stream-removed.</summary>
    private void CloseEveryPeer(string reason)
    {
        foreach (var peer in _peers.Values.ToList())
        {
            FireRemote(peer, RemotePeerTrigger.LocalShutdown, reason);
            _peers.Remove(peer.Id);
            DropData(peer.Id, DataSendFailure.CallEnded);
        }
    }
}

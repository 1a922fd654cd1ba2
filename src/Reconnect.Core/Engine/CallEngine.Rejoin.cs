using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Engine;

/// <summary>
/// Identity across a server that lost its memory: a peer back under a new session with no record that its old one
/// ended keeps its RemotePeer (only the connection is rebuilt), and a peer missing after the local peer had to rejoin
/// as new is kept reconnecting for a bounded wait instead of being dropped at once.
/// </summary>
public sealed partial class CallEngine
{
    /// <summary>The peer-left reason when a peer the server lost did not rejoin within the wait.</summary>
    private const string RejoinWaitExpired = "network-disconnect";

    /// <summary>How long a lost peer is awaited: the announced grace plus a ping interval, else the configured wait.</summary>
    private TimeSpan RejoinWait => _serverGrace is { } grace ? grace + _options.Heartbeat.PingInterval : _options.Reconcile.RejoinWait;

    /// <summary>
    /// The peer is back under a new session and no record says its old one ended: same RemotePeer, session and metadata
    /// updated, and a new connection generation under it (the rejoined side rebuilds too), whose streams are raised again.
    /// </summary>
    private void KeepRejoined(RemotePeerEntry peer, RosterEntry entry, long version)
    {
        Mark(CoverageMarks.ReconcileRejoin);
        if (peer.AwaitingRejoin)
        {
            peer.AwaitingRejoin = false;
            _timers.Cancel(TimerKind.RejoinWait, peer.Id, _emit);
        }

        UpdatePeer(peer, entry, version);
        Rebuild(peer, peer.Generation + 1, "the peer rejoined under a new session", NegotiationTrigger.RebuiltHere);
    }

    /// <summary>The peer is absent with no record of its departure: wait (once, bounded) for it to rejoin.</summary>
    private void AwaitRejoin(RemotePeerEntry peer)
    {
        if (peer.AwaitingRejoin)
        {
            return;
        }

        Mark(CoverageMarks.RejoinAwaited);
        peer.AwaitingRejoin = true;
        _timers.Start(TimerKind.RejoinWait, peer.Id, _now + RejoinWait, _emit);
        FireRemote(peer, RemotePeerTrigger.RejoinAwaited, "the server lost the peer's session; waiting for its rejoin");
    }

    private void HandleRejoinWaitExpired(string peerId)
    {
        if (!_peers.TryGetValue(peerId, out var peer) || !peer.AwaitingRejoin)
        {
            Ignore($"rejoin wait for {peerId}", "the peer rejoined or is gone");
            return;
        }

        Mark(CoverageMarks.ReconcileRemove);
        RemovePeer(peer, RejoinWaitExpired);
    }
}

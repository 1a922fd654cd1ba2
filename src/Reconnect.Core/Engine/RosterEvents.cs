using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Engine;

/// <summary>
/// The live roster events (peer-joined, peer-left, peer-updated) as pure functions: an event against what the engine
/// knows of its peer and the roster order gives the ordered decisions the engine applies, as <see cref="RosterDiff"/>
/// does for a snapshot.
/// </summary>
internal static class RosterEvents
{
    /// <summary>What a peer-joined event does: update the same session, keep a rejoined peer, or add a new RemotePeer (after the ended one leaves).</summary>
    public static IReadOnlyList<RosterDecision> Joined(PeerJoinedMessage joined, string localPeerId, KnownPeer? known, RosterOrder order)
    {
        var entry = joined.Peer;
        if (entry.PeerId == localPeerId)
        {
            return [new RosterViolation("peer-joined names the local peer")];
        }

        if (Stale("peer-joined", joined.Version, entry.PeerId, entry.SessionId, known, order) is { } stale)
        {
            return [stale];
        }

        if (known is not { } peer)
        {
            return [new AddJoinedPeer(entry)];
        }

        if (peer.SessionId == entry.SessionId && peer.State != RemotePeerState.Closed)
        {
            return [new UpdateKnownPeer(peer.Id, entry)];
        }

        if (joined.Replaces is { } ended && ended.SessionId == peer.SessionId)
        {
            return [new EndPeerSession(peer.Id, ended.Reason), new AddJoinedPeer(entry)];
        }

        return peer.State != RemotePeerState.Closed
            ? [new KeepRejoinedPeer(peer.Id, entry)]
            : [new ReplaceClosedPeer(peer.Id), new AddJoinedPeer(entry)];
    }

    /// <summary>What a peer-left event does: record the leave (unless it names another session of a known peer) and end the known session.</summary>
    public static IReadOnlyList<RosterDecision> Left(PeerLeftMessage left, KnownPeer? known, RosterOrder order)
    {
        if (Stale("peer-left", left.Version, left.PeerId, left.SessionId, known, order) is { } stale)
        {
            return [stale];
        }

        if (known is null)
        {
            return [new RecordSessionLeft(left.PeerId, left.SessionId), NoSuchSession("peer-left", left.PeerId)];
        }

        return known.Value.SessionId == left.SessionId
            ? [new RecordSessionLeft(left.PeerId, left.SessionId), new EndPeerSession(left.PeerId, left.Reason)]
            : [NoSuchSession("peer-left", left.PeerId)];
    }

    /// <summary>What a peer-updated event does: update the known session it names, or nothing.</summary>
    public static IReadOnlyList<RosterDecision> Updated(PeerUpdatedMessage updated, KnownPeer? known, RosterOrder order)
    {
        var entry = updated.Peer;
        if (Stale("peer-updated", updated.Version, entry.PeerId, entry.SessionId, known, order) is { } stale)
        {
            return [stale];
        }

        return known is { } peer && peer.SessionId == entry.SessionId
            ? [new UpdateKnownPeer(peer.Id, entry)]
            : [NoSuchSession("peer-updated", entry.PeerId)];
    }

    /// <summary>The event left out, with the reason, when it is older than what the engine already applied.</summary>
    private static RosterPartIgnored? Stale(string kind, long version, string peerId, string sessionId, KnownPeer? known, RosterOrder order) =>
        order.Stale(version, peerId, sessionId, known?.Version ?? 0) is { } why ? new RosterPartIgnored($"{kind} {peerId}", why) : null;

    private static RosterPartIgnored NoSuchSession(string kind, string peerId) => new($"{kind} {peerId}", "no such peer session");
}

using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Engine;

/// <summary>
/// The other side knows: the server's <c>peer-away</c> shows a remote peer reconnecting at once, with the server's
/// reason, and leaves media that still flows running; <c>peer-back</c> ends it. A stale message (an unknown or departed
/// peer, another session) is ignored with a reason.
/// </summary>
public sealed partial class CallEngine
{
    private void HandlePeerAway(PeerAwayMessage away)
    {
        if (!TryGetPresent(away.PeerId, away.SessionId, "peer-away", out var peer))
        {
            return;
        }

        Emit(new PeerAwayNotice(peer.Id, peer.Ref, away.Reason, away.CloseCode));
        FireRemote(peer, RemotePeerTrigger.PeerAway, away.CloseCode is { } code ? $"peer away: {away.Reason} {code}" : $"peer away: {away.Reason}");
    }

    private void HandlePeerBack(PeerBackMessage back)
    {
        if (TryGetPresent(back.PeerId, back.SessionId, "peer-back", out var peer))
        {
            Back(peer, "peer back");
        }
    }

    /// <summary>
    /// After a local reconnect the roster snapshot says who is still away (a <c>peer-away</c> or <c>peer-back</c> may
    /// have been sent while this socket was down): a kept peer listed away shows away with the listed reason, and an away
    /// peer listed attached is back.
    /// </summary>
    private void PresenceAfterReconcile(RemotePeerEntry peer, string? listedAway)
    {
        if (listedAway is not null && peer.Phase != RemotePeerPhase.Away)
        {
            Emit(new PeerAwayNotice(peer.Id, peer.Ref, listedAway, null));
            FireRemote(peer, RemotePeerTrigger.PeerAway, $"peer away: {listedAway} (the roster lists it away)");
        }
        else if (listedAway is null && peer.Phase == RemotePeerPhase.Away)
        {
            Back(peer, "peer back: the roster lists its session attached again");
        }
    }

    private void Back(RemotePeerEntry peer, string reason)
    {
        Emit(new PeerBackNotice(peer.Id, peer.Ref));
        FireRemote(peer, RemotePeerTrigger.PeerBack, reason);
    }

    /// <summary>Finds the peer a presence message names, when it is present under the session named; else ignores the message with why.</summary>
    private bool TryGetPresent(string peerId, string sessionId, string what, out RemotePeerEntry peer)
    {
        if (!_peers.TryGetValue(peerId, out peer!) || peer.State is RemotePeerState.Closed or RemotePeerState.Idle)
        {
            Ignore($"{what} for {peerId}", "unknown or departed peer");
            return false;
        }

        if (peer.Roster.SessionId != sessionId)
        {
            Ignore($"{what} for {peerId} session {sessionId}", $"stale session (known is {peer.Roster.SessionId})");
            return false;
        }

        return true;
    }
}

using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Channel;

/// <summary>
/// The other side knows: while a session is kept for a resume but its socket is gone (closed, or silent past a whole
/// heartbeat), the other members are told <c>peer-away</c> with how the server knows, and <c>peer-back</c> once the
/// session is heard again. Neither is a roster change: no roster version is spent on them.
/// </summary>
public sealed partial class ChannelServer
{
    /// <summary>Tells the others, once per absence, that the session's socket is gone while the session is kept.</summary>
    private void GoAway(Session session, string reason, int? closeCode)
    {
        if (session.Away)
        {
            return;
        }

        session.Away = true;
        session.AwayReason = reason;
        Broadcast(session, new PeerAwayMessage(session.PeerId, session.Id, reason, closeCode));
        Notice(ChannelNoticeKinds.Away, session.Channel, session.PeerId, closeCode is { } code ? $"{session.Id}: {reason} {code}" : $"{session.Id}: {reason}");
    }

    /// <summary>Tells the others a session told away is heard again, and brings its next heartbeat check forward.</summary>
    private void ComeBack(Session session)
    {
        if (!session.Away)
        {
            return;
        }

        session.Away = false;
        session.AwayReason = null;
        Broadcast(session, new PeerBackMessage(session.PeerId, session.Id));
        Notice(ChannelNoticeKinds.Back, session.Channel, session.PeerId, session.Id);
        ArmSooner(session);
    }

    /// <summary>
    /// When the session's timer must next look at it: its eviction deadline, or sooner the point where a whole heartbeat
    /// was missed, while its socket is attached, not told away and announced a heartbeat.
    /// </summary>
    private Instant NextCheck(Session session)
    {
        var deadline = SilenceDeadline(session);
        if (session is not { ConnectionId: not null, Away: false } || session.HeartbeatAllowance <= TimeSpan.Zero)
        {
            return deadline;
        }

        var missed = HeartbeatMissedAt(session);
        return missed < deadline ? missed : deadline;
    }

    /// <summary>A whole heartbeat missed: twice the announced interval with no frame, so one late ping is not taken for a gone socket.</summary>
    private static Instant HeartbeatMissedAt(Session session) => session.LastHeard + session.HeartbeatAllowance + session.HeartbeatAllowance;

    /// <summary>The session's timer fired before its deadline: tell the others if its heartbeat was missed, and look again later.</summary>
    private void CheckHeartbeat(Session session)
    {
        if (session is { ConnectionId: not null, Away: false } && session.HeartbeatAllowance > TimeSpan.Zero && now >= HeartbeatMissedAt(session))
        {
            GoAway(session, PeerAwayReasons.HeartbeatMissed, null);
        }

        ArmSilence(session, NextCheck(session));
    }

    /// <summary>Re-arms the session's timer when it must look sooner than it is armed for; a later check is left to the timer itself.</summary>
    private void ArmSooner(Session session)
    {
        var next = NextCheck(session);
        if (next < session.TimerDue)
        {
            ArmSilence(session, next);
        }
    }
}

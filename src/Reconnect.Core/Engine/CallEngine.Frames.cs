using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Engine;

/// <summary>Frames from the server: decode, fence by epoch, and route each message.</summary>
public sealed partial class CallEngine
{
    private void HandleFrame(FrameReceived frame)
    {
        _lastInbound = _now;
        EndWakeProbe();
        if (!ProtocolCodec.TryDecodeServerMessage(frame.Text, out var message, out var error))
        {
            Emit(new ErrorRaisedNotice(new MalformedMessage(error)));
            return;
        }

        switch (message)
        {
            case WelcomeMessage welcome: HandleWelcome(welcome); break;
            case EvictedMessage evicted: HandleEvicted(evicted); break;
            case GoingAwayMessage goingAway: HandleGoingAway(goingAway); break;
            case PongMessage: break;
            default:
                if (_socketState != SignallingSocketState.Open)
                {
                    Ignore(message.GetType().Name, "not welcomed yet");
                    return;
                }

                HandleChannelMessage(message);
                break;
        }
    }

    private void HandleChannelMessage(ServerMessage message)
    {
        if (RosterVersionOf(message) is < 0 and var version)
        {
            Emit(new ErrorRaisedNotice(new ProtocolViolation($"{message.GetType().Name} with roster version {version}")));
            return;
        }

        switch (message)
        {
            case RosterMessage roster: HandleRoster(roster); break;
            case PeerJoinedMessage joined: HandlePeerJoined(joined); break;
            case PeerLeftMessage left: HandlePeerLeft(left); break;
            case PeerUpdatedMessage updated: HandlePeerUpdated(updated); break;
            case SignalRelayedMessage signal: HandleSignal(signal.From, signal.Payload); break;
            case PeerAwayMessage away: HandlePeerAway(away); break;
            case PeerBackMessage back: HandlePeerBack(back); break;
            default: Ignore(message.GetType().Name, "not expected by a client"); break;
        }
    }

    private static long RosterVersionOf(ServerMessage message) => message switch
    {
        RosterMessage m => m.Version,
        PeerJoinedMessage m => m.Version,
        PeerLeftMessage m => m.Version,
        PeerUpdatedMessage m => m.Version,
        _ => 0,
    };

    private void HandleWelcome(WelcomeMessage welcome)
    {
        var awaited = _socketState == SignallingSocketState.Connecting;
        foreach (var decision in WelcomePolicy.Decide(welcome, _peerId, awaited, _welcomesSinceJoin > 0))
        {
            Apply(decision);
        }
    }

    /// <summary>Performs one decision of the welcome rule (see <see cref="WelcomePolicy"/>).</summary>
    private void Apply(WelcomeDecision decision)
    {
        switch (decision)
        {
            case WelcomeIgnored ignored:
                Ignore("welcome", ignored.Reason);
                break;
            case WelcomeViolation violation:
                Emit(new ErrorRaisedNotice(new ProtocolViolation(violation.Message)));
                break;
            case ForgetRosterVersions:
                ForgetRosterOrder();
                break;
            case AdoptWelcome adopted:
                _serverGrace = adopted.ServerGrace;
                _awaitRejoins = adopted.AwaitRejoins;
                _sessionId = adopted.SessionId;
                FireSocket(SignallingSocketTrigger.Welcomed);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown welcome decision.");
        }
    }

    private void HandleEvicted(EvictedMessage evicted)
    {
        Mark(CoverageMarks.Evicted);
        _evictionReason = evicted.Reason;
        FireLocal(LocalPeerTrigger.Evicted, $"evicted ({evicted.Reason})");
    }

    private void HandleGoingAway(GoingAwayMessage goingAway)
    {
        if (_retry.HonouredServerHint(goingAway.RetryAfterMs, _serverGrace) is { } hint)
        {
            _serverRetryFloor = _now + hint;
        }
    }

    private void HandleRoster(RosterMessage roster)
    {
        var takesAnswers = _reconcileState is ReconcileState.AwaitingRoster or ReconcileState.TimedOut or ReconcileState.Done;
        if (RosterAnswerPolicy.IgnoredBecause(roster, takesAnswers, _roundFirstRequestId, _rosterOrder.SnapshotVersion) is { } why)
        {
            Ignore($"roster {roster.RequestId}", why);
            return;
        }

        _pendingRoster = roster;
        FireReconcile(ReconcileTrigger.RosterReceived);
    }
}

using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Core.Engine;

/// <summary>The signalling socket: token, open, welcome, heartbeat, backoff and close codes.</summary>
public sealed partial class CallEngine
{
    private SignallingSocketState _socketState = SignallingSocketMachine.Table.Initial;
    private long _epoch;
    private bool _socketAlive;
    private bool _socketOpened;
    private int _failedAttempts;
    private int _flaps;
    private int _offlineProbes;
    private Instant _offlineSince;
    private bool _everWelcomed;
    private bool _offline;
    private long _tokenAttempt;
    private string _token = string.Empty;
    private SignallingRoute? _route;
    private int _expiredTokenCloses;
    private IReadOnlyList<IceServer> _iceServers = [];
    private int _consecutiveTokenFailures;
    private Instant _serverRetryFloor;
    private bool _capacityFloor;
    private SocketFailure? _lastFailure;
    private string _lastTokenFailure = string.Empty;
    private string? _sessionId;
    private long _pingSequence;
    private Instant _lastInbound;
    private bool _wakeProbeOut;

    private void HandleTokenFetched(TokenFetched token)
    {
        TakeToken(token);
        FireSocket(SignallingSocketTrigger.TokenReceived);
    }

    /// <summary>The token fetch under way failed (the fence let only its own answer through; its timeout is cancelled when the fetch ends).</summary>
    private void HandleTokenFailure(string reason, bool networkUnreachable = false)
    {
        (_consecutiveTokenFailures, var tell) = TokenFailureStreak.After(_consecutiveTokenFailures, networkUnreachable, _options.Token.FailureNoticeThreshold);
        if (tell)
        {
            Emit(new TokenProviderFailingNotice(_consecutiveTokenFailures, reason));
        }

        _lastFailure = null;
        _lastTokenFailure = reason;
        FireSocket(SignallingSocketTrigger.TokenFailed, localOutage: networkUnreachable);
    }

    private void HandleSocketOpened()
    {
        _socketOpened = true;
        _lastInbound = _now;
        Send(new JoinMessage(_channel, _peerId, _metadata, [.. _localStreams], _sessionId, PingIntervalMs));
    }

    private void HandleSocketClosed(SocketClosed closed) =>
        SocketEnded("the server closed the socket after leave", SocketFailure.Closed(CloseCodePolicy.Classify(closed.Code), closed.Reason));

    private void HandleSignallingUnreachable(SignallingUnreachable unreachable) =>
        SocketEnded("the local network dropped the socket after leave", SocketFailure.Unreachable(unreachable.Reason));

    /// <summary>The live socket ended (the fence let only its own end through): an end while leaving finishes the leave, any other end is a failure.</summary>
    private void SocketEnded(string leaveFinished, SocketFailure failure)
    {
        _socketAlive = false;
        if (LocalState == LocalPeerState.Leaving)
        {
            FireLocal(LocalPeerTrigger.LeaveFinished, leaveFinished);
            return;
        }

        SocketFailed(failure);
    }

    private void KillSocket(int code, string reason)
    {
        if (_socketAlive)
        {
            Emit(new CloseSocket(_epoch, code, reason));
            _socketAlive = false;
        }

        SocketFailed(SocketFailure.Closed(CloseCodePolicy.Classify(code), reason));
    }

    private void SocketFailed(SocketFailure failure)
    {
        if (failure.Close is { } close)
        {
            (close, _expiredTokenCloses) = ExpiredTokenCloses.Count(
                close, _socketState == SignallingSocketState.Connecting, _expiredTokenCloses, _options.Token.ExpiredTokenCloseLimit);
            failure = failure with { Close = close };
        }

        _lastFailure = failure;
        if (failure.Close?.Disposition == CloseDisposition.RetryAfterCapacityFloor)
        {
            _capacityFloor = true;
        }

        Tell(MachineSignal.ToSocket(SignallingSocketTrigger.SocketFailed, failure.Close is { IsTerminal: true }, failure.IsLocalOutage));
    }

    /// <summary>Ignores an input of a token fetch or socket that is no longer the one under way (see <see cref="InputFence"/>); true when it did.</summary>
    private bool Fenced(EngineInput input)
    {
        var attempt = new SignallingAttempt(_epoch, _socketAlive, _socketOpened, _tokenAttempt, _socketState == SignallingSocketState.FetchingToken);
        if (InputFence.StaleReason(input, attempt) is not { } reason)
        {
            return false;
        }

        Ignore(InputFence.Describe(input), reason);
        return true;
    }

    private void SendPing()
    {
        Send(new PingMessage(++_pingSequence));
        _timers.Start(TimerKind.Ping, string.Empty, _now + _options.Heartbeat.PingInterval, _emit);
    }

    /// <summary>A wake (or a wall-clock jump that looks like one): the wake rule (see <see cref="WakePolicy"/>) says whether the open socket is dead or probed.</summary>
    private void HandleWokeUp(TimeSpan slept) =>
        Apply(WakePolicy.Decide(slept, SignallingUp, _now - _lastInbound, _options.Heartbeat.LivenessTimeout), slept);

    /// <summary>Performs the wake rule's decision.</summary>
    private void Apply(WakeDecision decision, TimeSpan slept)
    {
        switch (decision)
        {
            case WakeDecision.NothingLost:
                Ignore($"woke up after {slept}", "no time was lost");
                break;
            case WakeDecision.NoSocketToProbe:
                Ignore($"woke up after {slept}", "no open socket to probe; the attempt under way has its own deadline");
                break;
            case WakeDecision.DeadAcrossSleep:
                KillSocket(CloseCodes.LivenessTimeout, "silent past the liveness timeout across a sleep");
                break;
            case WakeDecision.Probe:
                Mark(CoverageMarks.WakeProbe);
                _wakeProbeOut = true;
                SendPing();
                _timers.Start(TimerKind.WakeProbe, string.Empty, _now + _options.Heartbeat.WakeProbeTimeout, _emit);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown wake decision.");
        }
    }

    /// <summary>The wake probe is over: a frame answered it, or the socket stopped.</summary>
    private void EndWakeProbe()
    {
        if (_wakeProbeOut)
        {
            _wakeProbeOut = false;
            _timers.Cancel(TimerKind.WakeProbe, string.Empty, _emit);
        }
    }

    private void CheckLiveness()
    {
        var due = _lastInbound + _options.Heartbeat.LivenessTimeout;
        if (due > _now)
        {
            _timers.Start(TimerKind.Liveness, string.Empty, due, _emit);
            return;
        }

        KillSocket(CloseCodes.LivenessTimeout, "no inbound frame within the liveness timeout");
    }

    private void Send(ClientMessage message)
    {
        if (_socketAlive && _socketOpened)
        {
            Emit(new SendMessage(_epoch, message));
        }
    }

    private bool SignallingUp => _socketState == SignallingSocketState.Open && _socketAlive;

    private void ApplySocketEffect(SignallingSocketEffect effect)
    {
        switch (effect)
        {
            case SignallingSocketEffect.FetchToken:
                Emit(new FetchToken(++_tokenAttempt));
                _timers.Start(TimerKind.TokenTimeout, string.Empty, _now + _options.Token.FetchTimeout, _emit);
                break;
            case SignallingSocketEffect.CancelTokenFetch:
                _timers.Cancel(TimerKind.TokenTimeout, string.Empty, _emit);
                break;
            case SignallingSocketEffect.OpenSocket:
                _epoch++;
                _socketAlive = true;
                _socketOpened = false;
                Emit(new SocketAttemptStartedNotice(_failedAttempts + 1, _epoch));
                Emit(new OpenSocket(_epoch, _token, _route));
                _timers.Start(TimerKind.WelcomeTimeout, string.Empty, _now + _options.Heartbeat.WelcomeTimeout, _emit);
                break;
            case SignallingSocketEffect.CancelWelcomeTimeout:
                _timers.Cancel(TimerKind.WelcomeTimeout, string.Empty, _emit);
                break;
            case SignallingSocketEffect.StartHeartbeat:
                _timers.Start(TimerKind.Ping, string.Empty, _now + _options.Heartbeat.PingInterval, _emit);
                _timers.Start(TimerKind.Liveness, string.Empty, _lastInbound + _options.Heartbeat.LivenessTimeout, _emit);
                _timers.Start(TimerKind.StableWindow, string.Empty, _now + _options.Backoff.StableWindow, _emit);
                ArmTokenRefresh();
                break;
            case SignallingSocketEffect.StopHeartbeat:
                EndWakeProbe();
                _timers.Cancel(TimerKind.Ping, string.Empty, _emit);
                _timers.Cancel(TimerKind.Liveness, string.Empty, _emit);
                _timers.Cancel(TimerKind.StableWindow, string.Empty, _emit);
                StopTokenRefresh();
                break;
            case SignallingSocketEffect.DropSocket:
                if (_socketAlive)
                {
                    Emit(new CloseSocket(_epoch, CloseCodes.Normal, "client closing", _options.CloseFlushTimeout));
                    _socketAlive = false;
                }

                break;
            case SignallingSocketEffect.CountFailedAttempt:
                _failedAttempts++;
                break;
            case SignallingSocketEffect.ScheduleRetry:
                ScheduleRetry();
                break;
            case SignallingSocketEffect.CancelRetry:
                _timers.Cancel(TimerKind.SocketRetry, string.Empty, _emit);
                break;
            case SignallingSocketEffect.StartOfflineProbe:
                if (_options.Backoff.OfflineProbeInterval is { } probe && !_offline)
                {
                    ScheduleOfflineProbe(probe);
                }

                break;
            case SignallingSocketEffect.CancelOfflineProbe:
                _timers.Cancel(TimerKind.OfflineProbe, string.Empty, _emit);
                break;
            case SignallingSocketEffect.ResetAttempts:
                _failedAttempts = 0;
                break;
            case SignallingSocketEffect.CountFlap:
                _flaps++;
                break;
            case SignallingSocketEffect.ForgetFlaps:
                _flaps = 0;
                break;
            case SignallingSocketEffect.ReportLost:
                _signallingLostAt = _now;
                Tell(MachineSignal.ToReconcile(ReconcileTrigger.Superseded));
                Tell(MachineSignal.ToLocalPeer(LocalPeerTrigger.SignallingLost, $"signalling lost ({_lastFailure?.Name ?? "network"})"));
                break;
            case SignallingSocketEffect.ReportFirstConnectFailed:
                Emit(new ErrorRaisedNotice(_lastFailure is { } failed
                    ? new FirstConnectFailed(failed.Close?.Code, failed.Name, failed.Detail)
                    : new FirstConnectFailed(null, "token provider failed", _lastTokenFailure)));
                Tell(MachineSignal.ToLocalPeer(LocalPeerTrigger.FirstConnectFailed, "first connect failed"));
                break;
            case SignallingSocketEffect.ReportGaveUp:
                Emit(new ErrorRaisedNotice(_lastFailure?.Close is { IsTerminal: true } terminal
                    ? new TerminalCloseError(terminal.Code, terminal.Name, _lastFailure.Detail)
                    : new ReconnectAttemptsExhausted(_failedAttempts, _lastFailure?.Detail ?? _lastTokenFailure)));
                Tell(MachineSignal.ToReconcile(ReconcileTrigger.Superseded));
                Tell(MachineSignal.ToLocalPeer(LocalPeerTrigger.SignallingGaveUp, "signalling gave up"));
                break;
            case SignallingSocketEffect.ReportWelcomed:
                _everWelcomed = true;
                _expiredTokenCloses = 0;
                _offlineProbes = 0;
                _welcomesSinceJoin++;
                Tell(MachineSignal.ToLocalPeer(LocalPeerTrigger.Welcomed, "welcomed"));
                Tell(MachineSignal.ToReconcile(ReconcileTrigger.Welcomed));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(effect), effect, "Unknown socket effect.");
        }
    }

    /// <summary>The next offline probe, spaced by the retry policy from the outage's first probe.</summary>
    private void ScheduleOfflineProbe(TimeSpan steady)
    {
        if (_offlineProbes++ == 0)
        {
            _offlineSince = _now;
        }

        var wait = _retry.NextOfflineProbe(_offlineProbes, _now - _offlineSince, steady, ResumeCeiling, _jitter.NextDouble());
        _timers.Start(TimerKind.OfflineProbe, string.Empty, _now + wait, _emit);
    }

    private void ScheduleRetry()
    {
        var circumstances = new RetryCircumstances(
            _failedAttempts, _flaps, _capacityFloor, _serverRetryFloor - _now, SessionMayBeResumable, LastAttemptRefused);
        _capacityFloor = false;
        var wait = _retry.NextRetry(circumstances, _jitter.NextDouble());
        MarkWhen(wait.ServerHintFloored, CoverageMarks.ServerHintFloor);
        MarkWhen(wait.FlapDamped, CoverageMarks.FlapDamped);
        Mark(CoverageMarks.SocketRetry);
        Emit(new SocketRetryScheduledNotice(_failedAttempts + 1, wait.Delay, _lastFailure?.Close?.Code));
        _timers.Start(TimerKind.SocketRetry, string.Empty, _now + wait.Delay, _emit);
    }
}

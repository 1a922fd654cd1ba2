using Reconnect.Core.Machines;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Core.StateMachines;
using Reconnect.Core.Time;

namespace Reconnect.Core.Engine;

/// <summary>
/// The sans-IO reconnect engine. It owns the local peer, signalling socket and reconcile machines and an
/// identity map of remote peers, each with its own machine. Feed it inputs with <see cref="Handle"/> and
/// drain <see cref="PollOutput"/> until it returns null; it never touches a clock, a socket or a thread.
/// </summary>
public sealed partial class CallEngine
{
    private const int StepCap = 100_000;

    private readonly ReconnectOptions _options;
    private readonly SocketRetryPolicy _retry;
    private readonly SocketBackoff _backoff;
    private readonly IceRestartLadder _ladder;
    private readonly DeterministicRandom _jitter;
    private readonly DeterministicRandom _refreshJitter;
    private readonly Queue<EngineOutput> _outbox = new();
    private CallSnapshot? _snapshot;
    private readonly TimerTable _timers = new();
    private readonly SortedDictionary<string, RemotePeerEntry> _peers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _coverage = new(StringComparer.Ordinal);
    private readonly Action<EngineOutput> _emit;
    private readonly MachineTables _tables;
    private readonly MachineRunner<LocalPeerPhase, LocalPeerTrigger, LocalPeerEffect, LocalPeerContext> _localMachine;
    private readonly MachineRunner<SignallingSocketState, SignallingSocketTrigger, SignallingSocketEffect, SignallingSocketContext> _socketMachine;
    private readonly MachineRunner<ReconcileState, ReconcileTrigger, ReconcileEffect, ReconcileContext> _reconcileMachine;
    private Instant _now;
    private int _steps;
    private int _signalDepth;
    private readonly SignalQueue _signals;
    private readonly Action<MachineSignal> _deliver;
    private readonly Dictionary<(object Machine, object Rule), InputIgnoredNotice> _ignoredNotices = [];

    /// <summary>Creates an engine with validated options and a seed for its jitter.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public CallEngine(ReconnectOptions options, ulong seed)
        : this(options, seed, MachineTables.Standard)
    {
    }

    /// <summary>Creates an engine that runs the given tables (the table-mutation test runs mutants through this).</summary>
    internal CallEngine(ReconnectOptions options, ulong seed, MachineTables tables)
    {
        _options = ReconnectOptionsValidator.EnsureValid(options);
        _retry = new SocketRetryPolicy(_options);
        _backoff = _retry.Backoff;
        _ladder = new IceRestartLadder(options.IceRestart);
        _jitter = DeterministicRandom.FromSeed(seed).Fork("backoff");
        _refreshJitter = DeterministicRandom.FromSeed(seed).Fork("token-refresh");
        _emit = _outbox.Enqueue;
        _deliver = DeliverSignal;
        _signals = new SignalQueue(PeerLive);
        _tables = tables;
        _localMachine = tables.LocalPeer.Attach(() => _localPhase, s => _localPhase = s);
        _socketMachine = tables.SignallingSocket.Attach(() => _socketState, s => _socketState = s);
        _reconcileMachine = tables.Reconcile.Attach(() => _reconcileState, s => _reconcileState = s);
    }

    /// <summary>The options in force.</summary>
    public ReconnectOptions Options => _options;

    /// <summary>The latest time the engine was told.</summary>
    public Instant Now => _now;

    /// <summary>How often each transition row, ignore rule and named mark was reached.</summary>
    public IReadOnlyDictionary<string, long> Coverage => _coverage;

    /// <summary>The local peer's state, read without building a snapshot.</summary>
    public LocalPeerState LocalState => _localPhase.ToState();

    /// <summary>The signalling socket's state, read without building a snapshot.</summary>
    public SignallingSocketState SocketState => _socketState;

    /// <summary>The reconcile's state, read without building a snapshot.</summary>
    public ReconcileState ReconcileState => _reconcileState;

    /// <summary>A read-only view of the engine now; built once per input, so reading it often between inputs is free.</summary>
    public CallSnapshot Snapshot => _snapshot ??= new(
        LocalState,
        _socketState,
        _reconcileState,
        _epoch,
        _failedAttempts,
        _sessionId,
        [.. _peers.Values.Select(p => new RemotePeerSnapshot(
            p.Id, p.Ref, p.Roster.SessionId, p.State, p.Generation, p.Roster.Metadata,
            [.. p.Streams.Select(s => new RemoteStreamSnapshot(s.Key, s.Value.StreamRef, s.Value.Generation))],
            p.LadderAttempt))],
        [.. _timers.Armed.Select(t => t.Id)],
        _held.Count);

    /// <summary>
    /// Handles one input at a time <paramref name="now"/>. A time earlier than one already seen is taken as
    /// the latest seen: the clock never goes backwards. Bad or late input is ignored by a stated rule or
    /// raised as a typed error; it never throws. A bug (an input the tables cannot route) throws.
    /// </summary>
    public void Handle(Instant now, EngineInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _now = Instant.Max(_now, now);
        _snapshot = null;
        _steps = 0;
        if (LocalState == LocalPeerState.Closed)
        {
            HandleAfterClose(input);
            return;
        }

        if (AnswersTokenRefresh(input) || Fenced(input))
        {
            return;
        }

        switch (input)
        {
            case JoinRequested join: HandleJoin(join); break;
            case LeaveRequested: Command("leave", LocalPeerTrigger.LeaveRequested, "leave requested"); break;
            case CloseRequested: Command("close", LocalPeerTrigger.CloseRequested, "closed by the user"); break;
            case LocalStreamAdded added: HandleLocalStreamAdded(added.Stream); break;
            case LocalStreamRemoved removed: HandleLocalStreamRemoved(removed.StreamId); break;
            case LocalTrackReplaced replaced: HandleTrackReplaced(replaced); break;
            case TokenFetched token: HandleTokenFetched(token); break;
            case TokenFetchFailed failed: HandleTokenFailure(failed.Reason, failed.NetworkUnreachable); break;
            case SocketOpened: HandleSocketOpened(); break;
            case SocketClosed closed: HandleSocketClosed(closed); break;
            case SignallingUnreachable unreachable: HandleSignallingUnreachable(unreachable); break;
            case FrameReceived frame: HandleFrame(frame); break;
            case LocalDescriptionCreated description: HandleLocalDescription(description); break;
            case LocalDescriptionApplied applied: HandleLocalDescriptionApplied(applied); break;
            case LocalCandidateGathered candidate: HandleLocalCandidate(candidate); break;
            case IceStateChanged ice: HandleIceState(ice); break;
            case RemoteStreamArrived stream: HandleRemoteStream(stream); break;
            case MediaOperationFailed failure: HandleMediaFailure(failure); break;
            case TimerFired timer: HandleTimer(timer.Timer); break;
            case NetworkChanged change: HandleNetworkChange(change.Change); break;
            case WokeUp woke: HandleWokeUp(woke.Slept); break;
            case RetryNowRequested: HandleRetryNow(); break;
            case DataSendRequested send: HandleDataSend(send); break;
            case DataChannelOpened opened: HandleDataChannelOpened(opened); break;
            case DataChannelClosed closed: HandleDataChannelClosed(closed); break;
            case DataReceived received: HandleDataReceived(received); break;
            case MediaFlowReported flow: HandleMediaFlow(flow); break;
            default: Ignore(input.GetType().Name, "unknown input type"); break;
        }
    }

    /// <summary>The next output, or null when everything produced so far has been drained.</summary>
    public EngineOutput? PollOutput() => _outbox.TryDequeue(out var output) ? output : null;

    /// <summary>
    /// After close only user commands reach the table (join is rejected by its rules, leave and close ignored), and a data
    /// send fails with its typed error; anything else is dropped without a word.
    /// </summary>
    private void HandleAfterClose(EngineInput input)
    {
        switch (input)
        {
            case JoinRequested join:
                HandleJoin(join);
                break;
            case LeaveRequested:
                Command("leave", LocalPeerTrigger.LeaveRequested, "leave after close");
                break;
            case CloseRequested:
                Command("close", LocalPeerTrigger.CloseRequested, "close after close");
                break;
            case DataSendRequested send:
                FailSend(send.SendId, send.RemotePeerId, send.Label, DataSendFailure.CallEnded);
                break;
            default:
                break;
        }
    }

    private void Emit(EngineOutput output) => _outbox.Enqueue(output);

    private void Ignore(string input, string reason) => Emit(new InputIgnoredNotice(input, reason));

    private void Mark(string mark)
    {
        _coverage[mark] = _coverage.TryGetValue(mark, out var n) ? n + 1 : 1;
    }

    private void MarkWhen(bool reached, string mark)
    {
        if (reached)
        {
            Mark(mark);
        }
    }

    private void Step()
    {
        if (++_steps > StepCap)
        {
            throw new InvalidOperationException($"The engine exceeded {StepCap} internal steps in one input: livelock.");
        }
    }

    /// <summary>
    /// Fires a trigger on a machine and counts the row or rule taken. Where an ignore rule absorbs a trigger that an
    /// input fired, the app is told the table's reason (<see cref="InputIgnoredNotice"/>, naming <paramref name="input"/>, or
    /// the machine, the <paramref name="subject"/> it is about and the trigger; that notice is built once per rule and
    /// subject, so a repeated ignored input allocates nothing). A trigger one machine's effect sent another is no input
    /// of the app's, and neither is the engine's own request (<paramref name="announce"/> false), so their ignores are
    /// only counted. A rejection is left to the caller, which raises it as a typed error.
    /// </summary>
    private TransitionOutcome<TState, TTrigger, TEffect, TContext> Fire<TState, TTrigger, TEffect, TContext>(
        MachineRunner<TState, TTrigger, TEffect, TContext> machine, TTrigger trigger, TContext context, string? input = null, string? subject = null, bool announce = true)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        Step();
        _signals.EnsureNotPerforming(machine.Name, trigger);
        var outcome = machine.Fire(trigger, context);
        Mark(machine.Table.CoverageKey(outcome));
        if (outcome is { IgnoreRule: { IsRejection: false } rule } && announce && _signalDepth == 0)
        {
            Emit(input is null ? IgnoredNotice(machine, machine.Name, subject, rule) : new InputIgnoredNotice(input, rule.Reason));
        }

        return outcome;
    }

    /// <summary>
    /// Fires a local peer trigger, performs its effects and reports a state change. The effects run after Stateless
    /// has finished the transition, and a signal they send is delivered once the effect is done, so a trigger that comes
    /// back (the socket an eviction rejoin drops reports the loss) meets the local peer already in its new state, where
    /// the table ignores it.
    /// </summary>
    private TransitionOutcome<LocalPeerPhase, LocalPeerTrigger, LocalPeerEffect, LocalPeerContext> FireLocal(LocalPeerTrigger trigger, string reason, string? input = null)
    {
        var context = new LocalPeerContext(_options.OnEvicted == EvictionBehaviour.RejoinAsNew, _queuedJoin is not null);
        var outcome = Fire(_localMachine, trigger, context, input);
        var (from, to) = (outcome.From.ToState(), outcome.To.ToState());
        Perform(outcome.Effects, this, static (engine, effect) => engine.ApplyLocalEffect(effect));

        if (from != to)
        {
            Emit(new LocalStateChangedNotice(from, to, reason));
        }

        return outcome;
    }

    private void FireSocket(SignallingSocketTrigger trigger, bool terminalCode = false, bool localOutage = false)
    {
        var context = new SignallingSocketContext(
            terminalCode,
            _backoff.IsExhausted(_failedAttempts + 1),
            !_everWelcomed && !_options.RetryFirstConnect && LocalState == LocalPeerState.Joining,
            _offline,
            localOutage && _options.Backoff.OfflineProbeInterval is not null);
        var outcome = Fire(_socketMachine, trigger, context);
        Perform(outcome.Effects, this, static (engine, effect) => engine.ApplySocketEffect(effect));
    }

    private void FireReconcile(ReconcileTrigger trigger)
    {
        var outcome = Fire(_reconcileMachine, trigger, ReconcileGuards);
        Perform(outcome.Effects, this, static (engine, effect) => engine.ApplyReconcileEffect(effect));
    }

    /// <summary>What the reconcile machine's guards read now.</summary>
    private ReconcileContext ReconcileGuards => new(
        _roundRequests - 1 < _options.Reconcile.RosterRetries,
        _roundRequests - 1 - _options.Reconcile.RosterRetries < _options.Reconcile.TimedOutRequests);

    private void FireRemote(RemotePeerEntry peer, RemotePeerTrigger trigger, string reason)
    {
        var context = new RemotePeerContext(
            SignallingUp,
            peer.LadderAttempt >= _ladder.MaxAttempts,
            peer.LadderAttempt > 0,
            EscalationLadder.IsLast(peer.EscalationStep),
            peer.EscalationRound < _options.Escalation.Rounds);
        var outcome = Fire(peer.Machine, trigger, context, subject: peer.Id);
        var (from, to) = (outcome.From.ToState(), outcome.To.ToState());
        Perform(outcome.Effects, (Engine: this, Peer: peer), static (to, effect) => to.Engine.ApplyRemoteEffect(to.Peer, effect));

        if (from != to)
        {
            Emit(new RemoteStateChangedNotice(peer.Id, peer.Ref, from, to, reason));
            if (to == RemotePeerState.Connected)
            {
                FlushData(peer);
            }
        }
    }

    /// <summary>The notice for an ignore rule a machine took about a subject (a remote peer's id, or none), built once.</summary>
    private InputIgnoredNotice IgnoredNotice<TState, TTrigger>(object machine, string name, string? subject, IgnoreRow<TState, TTrigger> rule)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        if (!_ignoredNotices.TryGetValue((machine, rule), out var notice))
        {
            notice = new InputIgnoredNotice(subject is null ? $"{name} {rule.Trigger}" : $"{name} {subject} {rule.Trigger}", rule.Reason);
            _ignoredNotices[(machine, rule)] = notice;
        }

        return notice;
    }

    /// <summary>
    /// Performs a transition's effects, one at a time through the signal queue: while an effect is performed no machine
    /// may be fired, and the signals it queued are delivered as soon as it is done.
    /// </summary>
    private void Perform<TEffect, TTarget>(IReadOnlyList<TEffect> effects, TTarget target, Action<TTarget, TEffect> apply)
    {
        for (var i = 0; i < effects.Count; i++)
        {
            _signals.Perform(target, effects[i], apply, _deliver);
        }
    }

    private void HandleTimer(TimerId timer)
    {
        if (!_timers.TryConsume(timer))
        {
            Ignore($"timer {timer}", "cancelled or superseded timer");
            return;
        }

        RunTimer(timer);
    }

    /// <summary>Does what a consumed timer is for; a timer cut short by a retry-now runs here too.</summary>
    private void RunTimer(TimerId timer)
    {
        switch (timer.Kind)
        {
            case TimerKind.TokenTimeout: HandleTokenFailure("the token provider timed out"); break;
            case TimerKind.SocketRetry: FireSocket(SignallingSocketTrigger.RetryDue); break;
            case TimerKind.OfflineProbe: FireSocket(SignallingSocketTrigger.ProbeDue); break;
            case TimerKind.WelcomeTimeout: KillSocket(CloseCodes.WelcomeTimeout, "no welcome in time"); break;
            case TimerKind.Ping: SendPing(); break;
            case TimerKind.Liveness: CheckLiveness(); break;
            case TimerKind.WakeProbe: KillSocket(CloseCodes.LivenessTimeout, "no answer to the ping sent on wake"); break;
            case TimerKind.StableWindow: Mark(CoverageMarks.FlapsForgotten); FireSocket(SignallingSocketTrigger.StableWindowElapsed); break;
            case TimerKind.StillReconnecting: Emit(new StillReconnectingNotice(_now - _reconnectingSince, RetryNowAvailableIn)); break;
            case TimerKind.ReconcileDeadline: FireReconcile(ReconcileTrigger.DeadlinePassed); break;
            case TimerKind.LeaveTimeout: FireLocal(LocalPeerTrigger.LeaveFinished, "leave finished"); break;
            case TimerKind.PendingSignalExpiry: ExpireHeldSignals(); break;
            case TimerKind.RejoinWait: HandleRejoinWaitExpired(timer.Owner); break;
            case TimerKind.TokenRefreshDue: StartTokenRefresh(); break;
            case TimerKind.TokenRefreshTimeout: RefreshFailed("the token provider timed out", networkUnreachable: false); break;
            case TimerKind.ReconnectingVisible: ShowReconnecting(timer.Owner); break;
            default: HandleRemoteTimer(timer); break;
        }
    }

    private void HandleRemoteTimer(TimerId timer)
    {
        if (!_peers.TryGetValue(timer.Owner, out var peer))
        {
            Ignore($"timer {timer}", "the peer is gone");
            return;
        }

        var trigger = timer.Kind switch
        {
            TimerKind.IceDisconnectedGrace => RemotePeerTrigger.GraceExpired,
            TimerKind.IceRestartDue => RemotePeerTrigger.RestartDue,
            TimerKind.EscalationBound => RemotePeerTrigger.EscalationBoundPassed,
            _ => RemotePeerTrigger.AttemptTimedOut,
        };
        FireRemote(peer, trigger, trigger switch
        {
            RemotePeerTrigger.AttemptTimedOut => "attempt timed out",
            RemotePeerTrigger.EscalationBoundPassed => "the escalation step did not heal in time",
            _ => "ICE restart ladder",
        });
    }

    private void HandleNetworkChange(NetworkChange change)
    {
        if (change == NetworkChange.Offline)
        {
            _offline = true;
            FireSocket(SignallingSocketTrigger.NetworkLost);
            return;
        }

        _offline = false;
        if (_socketState is SignallingSocketState.WaitingToRetry or SignallingSocketState.Offline)
        {
            Mark(CoverageMarks.NetworkCutShort);
        }

        FireSocket(SignallingSocketTrigger.NetworkRestored);
        if (change != NetworkChange.AddressChanged)
        {
            SignalEveryPeer(RemotePeerTrigger.NetworkOnline);
            return;
        }

        var connected = _peers.Values.Where(p => p.State == RemotePeerState.Connected).ToList();
        SignalEveryPeer(RemotePeerTrigger.AddressChanged);
        foreach (var peer in connected)
        {
            HealByNegotiationIfIceConnected(peer, NegotiatedHeal.AfterAddressChange);
        }
    }

    private static IReadOnlyDictionary<string, string> Copy(IReadOnlyDictionary<string, string> metadata) =>
        new SortedDictionary<string, string>(metadata.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
}

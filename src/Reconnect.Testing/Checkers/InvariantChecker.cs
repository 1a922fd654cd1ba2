using System.Globalization;
using Reconnect.Channel;
using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Testing.Checkers;

/// <summary>
/// The safety invariants, checked on every notice and after every step. Each violation names the invariant,
/// the seed and the virtual time.
/// </summary>
public sealed class InvariantChecker
{
    private readonly ulong _seed;
    private readonly IReadOnlyList<ICheckedPeer> _peers;
    private readonly List<string> _violations = [];
    private readonly Dictionary<string, LocalPeerState> _local = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Observer, long Ref), RemotePeerState> _remote = [];
    private readonly Dictionary<(string Observer, string Remote), long> _liveRefs = [];
    private readonly HashSet<string> _closed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _terminal = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removedSessions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lostSessions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Observer, long Ref), string> _sessionOfRef = [];
    private readonly HashSet<(string Observer, string Remote)> _exhausted = [];
    private readonly List<(string Observer, long Ref, string Stream, long At)> _unpairedRemovals = [];
    private readonly Dictionary<(string Observer, string Remote, string Stream), int> _withdrawals = [];
    private readonly DeadlineChecker _deadlines;
    private readonly NoFlickerChecker _noFlicker = new();
    private readonly DataFlowChecker _dataFlow;

    /// <summary>
    /// Creates a checker for a run over <paramref name="peers"/> (read as they are, so a list that grows is checked as
    /// it grows); the longest server retry hint widens the backoff deadline.
    /// </summary>
    public InvariantChecker(ulong seed, IReadOnlyList<ICheckedPeer> peers, TimeSpan longestServerHint)
    {
        _seed = seed;
        _peers = peers;
        _deadlines = new DeadlineChecker(longestServerHint);
        _dataFlow = new DataFlowChecker(peers);
    }

    /// <summary>Every violation so far.</summary>
    public IReadOnlyList<string> Violations => _violations;

    /// <summary>Takes note of what the server did: a session it removed truly left (the notice's detail starts with the session id).</summary>
    public void OnServerNotice(ChannelNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Kind is ChannelNoticeKinds.Left or ChannelNoticeKinds.Evicted or ChannelNoticeKinds.Kicked or ChannelNoticeKinds.Replaced)
        {
            _removedSessions.Add(notice.Detail.Split(' ')[0]);
        }
    }

    /// <summary>
    /// Takes note that the server lost these sessions all at once (a crash). Their peers did not leave: they rejoin
    /// under new sessions and keep their identity, so a peer-left for one is right only once the engine stopped
    /// waiting for the rejoin (reason <c>network-disconnect</c>).
    /// </summary>
    public void SessionsLost(IEnumerable<string> sessionIds)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        _lostSessions.UnionWith(sessionIds);
    }

    /// <summary>Takes note that the server may send this retry hint: waiting that long to retry is within bounds.</summary>
    public void ServerMayHint(TimeSpan retryAfter) => _deadlines.AllowServerHint(retryAfter);

    /// <summary>Takes note of an input a peer's engine handled: a stream its app withdrew may be seen removed once by every other peer.</summary>
    public void OnInput(string peer, EngineInput input)
    {
        _dataFlow.OnInput(peer, input);
        if (input is LocalStreamRemoved withdrawn)
        {
            StreamWithdrawn(peer, withdrawn.StreamId);
        }
    }

    /// <summary>Takes note of an effect a peer's engine dispatches: a data-channel message handed to a connection.</summary>
    internal void OnEffect(ICheckedPeer peer, EngineEffect effect) => _dataFlow.OnEffect(peer, effect);

    /// <summary>The data-channel messages between the <paramref name="live"/> peers that must still arrive (see <see cref="DataFlowChecker"/>).</summary>
    internal IEnumerable<string> Undelivered(IReadOnlySet<string> live) => _dataFlow.Undelivered(live);

    private void StreamWithdrawn(string publisher, string streamId)
    {
        foreach (var observer in _peers.Where(p => p.Name != publisher))
        {
            var key = (observer.Name, publisher, streamId);
            _withdrawals[key] = _withdrawals.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Checks one notice as it is raised.</summary>
    public void OnNotice(ICheckedPeer peer, EngineNotice notice, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var name = peer.Name;
        // After close only answers to the app's commands: a rejected command, an ignored input, a send failed as the call ended.
        if (_closed.Contains(name) && notice is not (ErrorRaisedNotice { Error: CommandRejected or DataSendFailed { Reason: DataSendFailure.CallEnded } } or InputIgnoredNotice))
        {
            Fail("no-event-after-close", nowMs, $"{name} raised {notice.GetType().Name} after it closed");
        }

        foreach (var flicker in _noFlicker.OnNotice(peer, notice, nowMs))
        {
            Fail("no-flicker", nowMs, flicker);
        }

        foreach (var disorder in _dataFlow.OnNotice(name, notice))
        {
            Fail("data-in-order", nowMs, disorder);
        }

        switch (notice)
        {
            case LocalStateChangedNotice s:
                var last = _local.TryGetValue(name, out var l) ? l : LocalPeerState.Idle;
                if (s.From != last)
                {
                    Fail("legal-transitions", nowMs, $"{name} went {s.From} -> {s.To} but was {last}");
                }

                if (!LocalPeerMachine.VisibleChanges.Contains((s.From, s.To)))
                {
                    Fail("legal-transitions", nowMs, $"{name} took {s.From} -> {s.To}, which no row allows");
                }

                _local[name] = s.To;
                if (s.To == LocalPeerState.Closed)
                {
                    _closed.Add(name);
                }

                if (s.To is LocalPeerState.Idle or LocalPeerState.Closed || s.From == LocalPeerState.Leaving)
                {
                    foreach (var key in _liveRefs.Keys.Where(k => k.Observer == name).ToList())
                    {
                        _liveRefs.Remove(key);
                    }
                }

                break;
            case RemoteStateChangedNotice r:
                var before = _remote.TryGetValue((name, r.Ref), out var b) ? b : RemotePeerState.Idle;
                if (r.From != before)
                {
                    Fail("legal-transitions", nowMs, $"{name} saw {r.RemotePeerId}#{r.Ref} go {r.From} -> {r.To} but it was {before}");
                }

                if (!RemotePeerMachine.VisibleChanges.Contains((r.From, r.To)))
                {
                    Fail("legal-transitions", nowMs, $"{name} saw {r.RemotePeerId} take {r.From} -> {r.To}, which no row allows");
                }

                _remote[(name, r.Ref)] = r.To;
                break;
            case PeerJoinedNotice j:
                if (_liveRefs.TryGetValue((name, j.Peer.PeerId), out var existing))
                {
                    Fail("identity-kept", nowMs, $"{name} got a second RemotePeer #{j.Ref} for {j.Peer.PeerId} while #{existing} never left");
                }

                _liveRefs[(name, j.Peer.PeerId)] = j.Ref;
                _sessionOfRef[(name, j.Ref)] = j.Peer.SessionId;
                break;
            case PeerLeftNotice left:
                if (!_liveRefs.Remove((name, left.RemotePeerId)))
                {
                    Fail("identity-kept", nowMs, $"{name} got peer-left for {left.RemotePeerId} it never had");
                }

                _unpairedRemovals.RemoveAll(u => u.Observer == name && u.Ref == left.Ref);
                if (!LeftForReal(name, left))
                {
                    Fail("no-peer-left-for-a-healing-drop", nowMs, $"{name} got peer-left for {left.RemotePeerId} ({left.Reason}) but it never left the channel");
                }

                break;
            case ConnectionBuiltNotice built:
                if (peer.Engine.Snapshot.Remotes.FirstOrDefault(r => r.Ref == built.Ref) is { } rebuilt)
                {
                    _sessionOfRef[(name, built.Ref)] = rebuilt.SessionId;
                }

                break;
            case StreamRemovedNotice removed:
                if (!Withdrawn(name, removed))
                {
                    _unpairedRemovals.Add((name, removed.Ref, removed.StreamId, nowMs));
                }

                break;
            case ErrorRaisedNotice { Error: TerminalCloseError }:
                _terminal.Add(name);
                break;
            case ErrorRaisedNotice { Error: EscalationExhausted ex }:
                _exhausted.Add((name, ex.RemotePeerId));
                break;
            case SocketAttemptStartedNotice attempt:
                if (_terminal.Contains(name))
                {
                    Fail("no-retry-after-terminal", nowMs, $"{name} attempted socket {attempt.Epoch} after a terminal close");
                }

                if (attempt.Attempt > peer.Engine.Options.Backoff.MaxAttempts)
                {
                    Fail("attempts-within-bounds", nowMs, $"{name} made socket attempt {attempt.Attempt}");
                }

                break;
            case IceRestartStartedNotice restart:
                if (restart.Attempt > peer.Engine.Options.IceRestart.Delays.Count)
                {
                    Fail("attempts-within-bounds", nowMs, $"{name} made ICE restart attempt {restart.Attempt} to {restart.RemotePeerId}");
                }

                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Takes note that a participant's media connection rolled its own offer back having only answered (a remote offer
    /// applied over it before any of its offers was answered): like Chromium's, that connection shows no remote video
    /// again, so the negotiation rule must never make such a side yield in glare.
    /// </summary>
    public void OnAnswerOnlyRollback(string peer, string remotePeerId, int generation, long nowMs) =>
        Fail("no-rollback-having-only-answered", nowMs, $"{peer} rolled back its offer to {remotePeerId} on connection {generation} having only answered: its remote video is lost for good");

    /// <summary>Checks what must hold between steps.</summary>
    public void AfterStep(long nowMs)
    {
        foreach (var orphan in _unpairedRemovals)
        {
            Fail("no-stream-removed-for-a-healing-drop", nowMs, $"{orphan.Observer} got stream-removed {orphan.Stream} from #{orphan.Ref} without the peer leaving");
        }

        _unpairedRemovals.Clear();
        foreach (var overrun in _deadlines.CheckEngines(_peers, nowMs))
        {
            Fail("no-state-outlives-its-deadline", nowMs, overrun);
        }

        foreach (var peer in _peers.Where(p => _closed.Contains(p.Name)))
        {
            var snapshot = peer.Engine.Snapshot;
            if (snapshot.ArmedTimers.Count > 0 || peer.OpenMediaConnections > 0 || peer.IsSignallingOpen)
            {
                Fail("nothing-open-after-close", nowMs, $"{peer.Name} is closed but has {snapshot.ArmedTimers.Count} timers, {peer.OpenMediaConnections} connections, socket open: {peer.IsSignallingOpen}");
            }
        }
    }

    /// <summary>
    /// Checks that no remote peer state outlives its deadline. Those bounds are seconds with a second of slack and
    /// keyed by connection generation, so sampling every 100 ms of virtual time (every other convergence probe)
    /// sees every overrun without snapshotting every peer after every packet.
    /// </summary>
    public void SampleDeadlines(long nowMs)
    {
        foreach (var overrun in _deadlines.CheckRemotes(_peers, nowMs))
        {
            Fail("no-state-outlives-its-deadline", nowMs, overrun);
        }
    }

    private bool Withdrawn(string observer, StreamRemovedNotice removed)
    {
        var key = (observer, removed.RemotePeerId, removed.StreamId);
        if (_withdrawals.GetValueOrDefault(key) == 0)
        {
            return false;
        }

        _withdrawals[key]--;
        return true;
    }

    private bool LeftForReal(string observer, PeerLeftNotice left)
    {
        var session = _sessionOfRef.GetValueOrDefault((observer, left.Ref));
        return (session is not null
                && (_removedSessions.Contains(session) || (_lostSessions.Contains(session) && left.Reason == PeerLeftReasons.NetworkDisconnect)))
            || _exhausted.Contains((observer, left.RemotePeerId));
    }

    private void Fail(string invariant, long nowMs, string what)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"SEED=0x{_seed:x} t={nowMs}ms invariant {invariant}: {what}");
        if (_violations.Count < 100 && !_violations.Contains(line))
        {
            _violations.Add(line);
        }
    }
}

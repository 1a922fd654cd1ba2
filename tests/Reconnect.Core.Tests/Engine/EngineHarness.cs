using Reconnect.Core.Engine;
using Reconnect.Core.Machines;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// Drives one <see cref="CallEngine"/> on a virtual clock: feeds inputs, records every output, tracks the
/// armed timers from StartTimer/CancelTimer and fires them in due order, and checks the engine's invariants
/// after every step.
/// </summary>
internal sealed class EngineHarness
{
    public static readonly IReadOnlyList<IceServer> DefaultIce = [new(["stun:stun.test:3478"])];

    private const int TimerCap = 100_000;

    private static readonly AsyncLocal<List<EngineHarness>?> Collector = new();

    private static readonly AsyncLocal<MachineTables?> Tables = new();

    private readonly List<EngineOutput> _outputs = [];
    private readonly List<Instant> _times = [];
    private readonly Dictionary<TimerId, Instant> _armed = [];
    private readonly EngineInvariants _invariants = new();
    private int _sessions;

    public EngineHarness(ReconnectOptions? options = null, ulong seed = 1)
    {
        Engine = new CallEngine(options ?? new ReconnectOptions(), seed, Tables.Value ?? MachineTables.Standard);
        Collector.Value?.Add(this);
    }

    /// <summary>Options whose heartbeat never declares the socket dead within a test's span.</summary>
    public static ReconnectOptions LongLivedSocket { get; } = new()
    {
        Heartbeat = new HeartbeatOptions { PingInterval = TimeSpan.FromHours(1), LivenessTimeout = TimeSpan.FromHours(2) },
    };

    /// <summary><see cref="LongLivedSocket"/> without escalation: a spent ICE restart ladder closes the remote peer at once.</summary>
    public static ReconnectOptions NoEscalation { get; } = LongLivedSocket with { Escalation = new EscalationOptions { Rounds = 0 } };

    public CallEngine Engine { get; }

    /// <summary>The silence grace the welcomes announce; null for a server that announces none.</summary>
    public TimeSpan? AnnouncedGrace { get; init; }

    public Instant Now { get; private set; }

    public string LocalId { get; private set; } = "A";

    public IReadOnlyList<EngineOutput> Outputs => _outputs;

    public CallSnapshot Snapshot => Engine.Snapshot;

    /// <summary>The index of the next output: pass it to <see cref="Since{T}"/> to see what a script produced.</summary>
    public int Checkpoint => _outputs.Count;

    /// <summary>The armed timers, earliest first (ties by start order).</summary>
    public IReadOnlyList<(TimerId Id, Instant Due)> ArmedTimers =>
        [.. _armed.OrderBy(t => t.Value).ThenBy(t => t.Key.Sequence).Select(t => (t.Key, t.Value))];

    public static RosterEntry Peer(string id, string? session = null, IReadOnlyDictionary<string, string>? metadata = null, params string[] streams) =>
        new(id, session ?? $"session-{id}", metadata ?? Meta(), [.. streams.Select(s => new StreamInfo(s, Meta()))]);

    public static IReadOnlyDictionary<string, string> Meta(params (string Key, string Value)[] pairs) =>
        new SortedDictionary<string, string>(pairs.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    /// <summary>Runs an action whose harnesses (on this async flow) run the given tables instead of the declared ones.</summary>
    public static void WithTables(MachineTables tables, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Tables.Value = tables;
        try
        {
            action();
        }
        finally
        {
            Tables.Value = null;
        }
    }

    /// <summary>Runs an action and returns every harness created while it ran (on this async flow).</summary>
    public static IReadOnlyList<EngineHarness> Collect(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var created = new List<EngineHarness>();
        Collector.Value = created;
        try
        {
            action();
        }
        finally
        {
            Collector.Value = null;
        }

        return created;
    }

    /// <summary>Feeds one input at the current time and returns what it produced.</summary>
    public IReadOnlyList<EngineOutput> Feed(EngineInput input)
    {
        Engine.Handle(Now, input);
        var step = new List<EngineOutput>();
        while (Engine.PollOutput() is { } output)
        {
            step.Add(output);
            Track(output);
        }

        _outputs.AddRange(step);
        _times.AddRange(step.Select(_ => Now));
        _invariants.Check(input, step, Engine.Snapshot);
        return step;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in due order.</summary>
    public void Advance(TimeSpan by)
    {
        var target = Now + by;
        for (var fired = 0; NextTimer() is { } next && next.Due <= target; fired++)
        {
            Assert.True(fired < TimerCap, $"more than {TimerCap} timers fired in one advance");
            Fire(next);
        }

        Now = Instant.Max(Now, target);
    }

    /// <summary>Moves the clock forward without firing anything, as a sleeping host would: due timers fire late, on the next advance.</summary>
    public void Sleep(TimeSpan by) => Now += by;

    /// <summary>Fires timers one by one until an output matches, within a time limit.</summary>
    public T AdvanceUntil<T>(TimeSpan limit, Func<T, bool>? match = null)
        where T : EngineOutput
    {
        var deadline = Now + limit;
        var from = Checkpoint;
        while (true)
        {
            if (Since<T>(from).FirstOrDefault(o => match is null || match(o)) is { } found)
            {
                return found;
            }

            var next = NextTimer();
            Assert.True(next is not null && next.Value.Due <= deadline, $"no {typeof(T).Name} within {limit}");
            Fire(next.Value);
        }
    }

    /// <summary>Fires the earliest armed timer, moving the clock to its due time; false when none is armed.</summary>
    public bool FireNextTimer()
    {
        if (NextTimer() is not { } next)
        {
            return false;
        }

        Fire(next);
        return true;
    }

    public bool IsArmed(TimerKind kind, string owner = "") => _armed.Keys.Any(t => t.Kind == kind && t.Owner == owner);

    /// <summary>The wait before each of the next <paramref name="probes"/> offline probes, each probe's token fetch failing as unreachable.</summary>
    public List<TimeSpan> OfflineProbeGaps(int probes)
    {
        var gaps = new List<TimeSpan>();
        for (var probe = 0; probe < probes; probe++)
        {
            gaps.Add(DueOf(TimerKind.OfflineProbe) - Now);
            AwaitAttempt();
            Feed(new TokenFetchFailed(Last<FetchToken>().Attempt, "network unreachable", NetworkUnreachable: true));
        }

        return gaps;
    }

    public Instant DueOf(TimerKind kind, string owner = "") => _armed.Single(t => t.Key.Kind == kind && t.Key.Owner == owner).Value;

    /// <summary>Joins as <paramref name="localId"/> and walks token, socket, welcome and roster to joined.</summary>
    public EngineHarness Join(string localId, string channel, params RosterEntry[] roster)
    {
        LocalId = localId;
        Feed(new JoinRequested(channel, localId, Meta(("name", localId))));
        Connect(roster);
        return this;
    }

    /// <summary>Answers the pending token fetch, opens the socket, welcomes and answers the roster request.</summary>
    public void Connect(IReadOnlyList<RosterEntry> roster, IReadOnlyList<IceServer>? ice = null)
    {
        AnswerToken(ice);
        OpenSocket();
        Welcome();
        AnswerRoster(roster);
    }

    /// <summary>Waits for the next socket attempt, then connects it and answers the roster.</summary>
    public void Reconnect(params RosterEntry[] roster)
    {
        AwaitAttempt();
        Connect(roster);
    }

    /// <summary>Waits for the next socket attempt and welcomes it, leaving its roster request unanswered.</summary>
    public void WelcomeNextAttempt()
    {
        AwaitAttempt();
        AnswerToken();
        OpenSocket();
        Welcome();
    }

    /// <summary>Waits for the next socket attempt and fails it after the socket opened, before any welcome.</summary>
    public void FailNextAttempt(int code = 1006)
    {
        AwaitAttempt();
        AnswerToken();
        OpenSocket();
        DropSocket(code);
    }

    /// <summary>Waits for the next socket attempt and has the server host refuse its connect (the socket never opens).</summary>
    public void RefuseNextAttempt()
    {
        AwaitAttempt();
        AnswerToken();
        DropSocket(CloseCodes.ConnectionRefused);
    }

    /// <summary>Fires timers until the engine asks for a token for the next attempt.</summary>
    public FetchToken AwaitAttempt() => AdvanceUntil<FetchToken>(TimeSpan.FromMinutes(10));

    public void AnswerToken(IReadOnlyList<IceServer>? ice = null)
    {
        var fetch = Last<FetchToken>();
        Feed(new TokenFetched(fetch.Attempt, $"token-{fetch.Attempt}", ice ?? DefaultIce));
    }

    public void OpenSocket() => Feed(new SocketOpened(Snapshot.Epoch));

    /// <summary>Welcomes the last join: resumes the session it names, or starts a new one.</summary>
    public void Welcome()
    {
        var join = LastSent<JoinMessage>();
        var session = join.ResumeSessionId ?? $"session-{LocalId}-{++_sessions}";
        var grace = AnnouncedGrace is { } g ? (long)g.TotalMilliseconds : (long?)null;
        ServerSends(new WelcomeMessage(LocalId, session, join.ResumeSessionId is not null, grace));
    }

    public void AnswerRoster(IReadOnlyList<RosterEntry> roster) =>
        ServerSends(new RosterMessage(LastSent<RosterRequestMessage>().RequestId, roster));

    public IReadOnlyList<EngineOutput> ServerSends(ServerMessage message) =>
        Feed(new FrameReceived(Snapshot.Epoch, ProtocolCodec.Encode(message)));

    public IReadOnlyList<EngineOutput> DropSocket(int code = 1006) => Feed(new SocketClosed(Snapshot.Epoch, code, "dropped"));

    /// <summary>The port of the current socket finds the local network unreachable.</summary>
    public IReadOnlyList<EngineOutput> SocketUnreachable() => Feed(new SignallingUnreachable(Snapshot.Epoch, "no route"));

    public IReadOnlyList<EngineOutput> Ice(string remoteId, IceConnectionState state) =>
        Feed(new IceStateChanged(remoteId, Remote(remoteId).Generation, state));

    public IReadOnlyList<EngineOutput> MediaConnected(string remoteId) => Ice(remoteId, IceConnectionState.Connected);

    public IReadOnlyList<EngineOutput> StreamArrives(string remoteId, string streamId) =>
        Feed(new RemoteStreamArrived(remoteId, Remote(remoteId).Generation, streamId));

    public IReadOnlyList<EngineOutput> Signal(string from, SignalPayload payload) => ServerSends(new SignalRelayedMessage(from, payload));

    public RemotePeerSnapshot Remote(string id) => Snapshot.Remotes.Single(r => r.Id == id);

    /// <summary>
    /// The media port creates a local description and, when the engine applies it (SetLocalDescription), reports it
    /// applied: the round trip a W3C port makes. Returns everything both steps produced.
    /// </summary>
    public IReadOnlyList<EngineOutput> LocalDescription(string remoteId, int generation, SdpType type, string sdp)
    {
        var description = new SessionDescription(type, sdp);
        var created = Feed(new LocalDescriptionCreated(remoteId, generation, description));
        return created.Contains(new SetLocalDescription(remoteId, generation, description))
            ? [.. created, .. Feed(new LocalDescriptionApplied(remoteId, generation, description))]
            : created;
    }

    /// <summary>The offers asked for as ICE restarts since a checkpoint: each CreateOffer right after a RestartIce of the same connection.</summary>
    public IEnumerable<CreateOffer> RestartOffers(int checkpoint = 0) => Offers(checkpoint, restart: true);

    /// <summary>The offers asked for without an ICE restart since a checkpoint.</summary>
    public IEnumerable<CreateOffer> PlainOffers(int checkpoint = 0) => Offers(checkpoint, restart: false);

    private IEnumerable<CreateOffer> Offers(int checkpoint, bool restart) =>
        Enumerable.Range(checkpoint, Math.Max(0, _outputs.Count - checkpoint))
            .Where(i => _outputs[i] is CreateOffer)
            .Where(i => restart == (i > 0 && _outputs[i - 1] is RestartIce r && r.RemotePeerId == ((CreateOffer)_outputs[i]).RemotePeerId && r.Generation == ((CreateOffer)_outputs[i]).Generation))
            .Select(i => (CreateOffer)_outputs[i]);

    public IEnumerable<T> All<T>() => _outputs.OfType<T>();

    public IEnumerable<T> Since<T>(int checkpoint) => _outputs.Skip(checkpoint).OfType<T>();

    /// <summary>Every output of a type with the time it was produced.</summary>
    public IEnumerable<(Instant At, T Output)> Timed<T>() =>
        _outputs.Select((o, i) => (At: _times[i], Output: o)).Where(x => x.Output is T).Select(x => (x.At, (T)(object)x.Output));

    /// <summary>A text rendering of the snapshot, for comparing two snapshots by value.</summary>
    public string Describe()
    {
        var s = Snapshot;
        return string.Join(
            "\n",
            [
                $"local={s.Local} socket={s.Socket} reconcile={s.Reconcile} epoch={s.Epoch} failed={s.FailedAttempts} session={s.SessionId} held={s.HeldSignals}",
                $"timers={string.Join(",", s.ArmedTimers)}",
                .. s.Remotes.Select(r =>
                    $"{r.Id} ref={r.Ref} session={r.SessionId} state={r.State} gen={r.Generation} ladder={r.LadderAttempt} "
                    + $"meta={string.Join(",", r.Metadata.Select(kv => $"{kv.Key}={kv.Value}"))} "
                    + $"streams={string.Join(",", r.Streams.Select(x => $"{x.StreamId}#{x.StreamRef}@{x.Generation}"))}"),
            ]);
    }

    /// <summary>The latest output of a type, found from the end (runs of thousands of reconnects stay linear).</summary>
    public T Last<T>() => LastWhere<T>(_ => true);

    public IEnumerable<T> Sent<T>(int checkpoint = 0)
        where T : ClientMessage => Since<SendMessage>(checkpoint).Select(s => s.Message).OfType<T>();

    public T LastSent<T>()
        where T : ClientMessage => (T)LastWhere<SendMessage>(s => s.Message is T).Message;

    public IEnumerable<T> Errors<T>(int checkpoint = 0)
        where T : ReconnectError => Since<ErrorRaisedNotice>(checkpoint).Select(e => e.Error).OfType<T>();

    public IEnumerable<LocalStateChangedNotice> LocalChanges(int checkpoint = 0) => Since<LocalStateChangedNotice>(checkpoint);

    public IEnumerable<RemoteStateChangedNotice> RemoteChanges(string remoteId, int checkpoint = 0) =>
        Since<RemoteStateChangedNotice>(checkpoint).Where(c => c.RemotePeerId == remoteId);

    private T LastWhere<T>(Func<T, bool> match)
    {
        for (var i = _outputs.Count - 1; i >= 0; i--)
        {
            if (_outputs[i] is T found && match(found))
            {
                return found;
            }
        }

        throw new InvalidOperationException($"no matching {typeof(T).Name} was output");
    }

    private (TimerId Id, Instant Due)? NextTimer() => ArmedTimers is [var first, ..] ? first : null;

    private void Fire((TimerId Id, Instant Due) timer)
    {
        Now = Instant.Max(Now, timer.Due);
        _armed.Remove(timer.Id);
        Feed(new TimerFired(timer.Id));
    }

    private void Track(EngineOutput output)
    {
        switch (output)
        {
            case StartTimer start:
                _armed[start.Timer] = start.Due;
                break;
            case CancelTimer cancel:
                _armed.Remove(cancel.Timer);
                break;
        }
    }
}

using System.Collections.Immutable;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Machines.RemotePeer;

/// <summary>
/// Where a remote peer's machine stands: the application's <see cref="RemotePeerState"/>, with the ICE restart ladder's
/// phases as substates of <see cref="Reconnecting"/> and the states a peer present in the channel can be in nested in
/// <see cref="Present"/>. <see cref="RemotePeerPhases.ToState"/> projects a phase onto the state the application sees.
/// </summary>
internal enum RemotePeerPhase
{
    /// <summary>Known from the roster; no media connection yet.</summary>
    Idle,

    /// <summary>Superstate of the states of a peer present in the channel with a media connection; never stood in itself.</summary>
    Present,

    /// <summary>The first media connection (or a rebuilt one before it ever connected) is being established.</summary>
    Connecting,

    /// <summary>Media flows.</summary>
    Connected,

    /// <summary>Media was lost; no ladder runs: a rebuilt connection is connecting, or the peer's rejoin is awaited.</summary>
    Reconnecting,

    /// <summary>ICE reported disconnected: the grace runs before the ladder starts.</summary>
    InGrace,

    /// <summary>A ladder attempt was made; the next is scheduled, or the last one's timeout runs.</summary>
    Attempting,

    /// <summary>A ladder attempt is due but the signalling is down; it is made when a change brings it forward or the connection is rebuilt.</summary>
    Deferred,

    /// <summary>Closed: the peer left, the local peer closed, or every escalation round (or, without escalation, the ladder) was spent.</summary>
    Closed,

    /// <summary>
    /// The server told the peer's socket is gone (<c>peer-away</c>) while its media still flowed: reconnecting at once,
    /// with the connection left running and its ICE events still acted on, until <c>peer-back</c>.
    /// </summary>
    Away,

    /// <summary>The ladder was spent: a remedy after it (fresh connection, socket resume, rejoin) runs until its bound.</summary>
    Escalating,
}

/// <summary>How a remote peer's phase shows to the application.</summary>
internal static class RemotePeerPhases
{
    /// <summary>The state the application sees in a phase: every ladder phase is <see cref="RemotePeerState.Reconnecting"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The phase is <see cref="RemotePeerPhase.Present"/>, which no peer stands in.</exception>
    public static RemotePeerState ToState(this RemotePeerPhase phase) => phase switch
    {
        RemotePeerPhase.Idle => RemotePeerState.Idle,
        RemotePeerPhase.Connecting => RemotePeerState.Connecting,
        RemotePeerPhase.Connected => RemotePeerState.Connected,
        RemotePeerPhase.Reconnecting or RemotePeerPhase.InGrace or RemotePeerPhase.Attempting or RemotePeerPhase.Deferred
            or RemotePeerPhase.Away or RemotePeerPhase.Escalating => RemotePeerState.Reconnecting,
        RemotePeerPhase.Closed => RemotePeerState.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "No remote peer stands in a superstate only."),
    };
}

/// <summary>What happens to a remote peer.</summary>
internal enum RemotePeerTrigger
{
    /// <summary>The first media connection was created.</summary>
    ConnectionCreated,

    /// <summary>ICE reached connected or completed.</summary>
    IceConnected,

    /// <summary>ICE reported disconnected.</summary>
    IceDisconnected,

    /// <summary>ICE reported failed, or a media operation failed.</summary>
    IceFailed,

    /// <summary>The disconnected grace ran out while still not connected.</summary>
    GraceExpired,

    /// <summary>The next ladder attempt is due.</summary>
    RestartDue,

    /// <summary>A first connect, or the ladder's last attempt, did not connect in time.</summary>
    AttemptTimedOut,

    /// <summary>A new media connection generation replaced the old one.</summary>
    ConnectionRebuilt,

    /// <summary>
    /// The server lost the peer's session (it restarted without its memory) and the peer has not rejoined yet: its
    /// connection hangs on a session that is gone, so the peer is reconnecting until it rejoins or the wait runs out.
    /// </summary>
    RejoinAwaited,

    /// <summary>The host's network address changed: the connection's local candidates are gone.</summary>
    AddressChanged,

    /// <summary>The host's network came back.</summary>
    NetworkOnline,

    /// <summary>The remote peer truly left the channel.</summary>
    PeerLeft,

    /// <summary>The local peer left or closed.</summary>
    LocalShutdown,

    /// <summary>The server told the peer's socket is gone while its session is kept (<c>peer-away</c>).</summary>
    PeerAway,

    /// <summary>The server told the peer's session is heard again (<c>peer-back</c>).</summary>
    PeerBack,

    /// <summary>The escalation step under way did not heal within its bound.</summary>
    EscalationBoundPassed,

    /// <summary>The frozen-media watchdog judged the connected peer's inbound media frozen while ICE said connected.</summary>
    MediaFrozen,
}

/// <summary>What the engine does for a remote peer machine.</summary>
internal enum RemotePeerEffect
{
    /// <summary>Arm the connect timeout.</summary>
    ArmConnectTimeout,

    /// <summary>Disarm the connect or attempt timeout.</summary>
    CancelAttemptTimeout,

    /// <summary>Arm the disconnected grace.</summary>
    StartGrace,

    /// <summary>Start a ladder episode: end the one before, and make attempt 1 the one due.</summary>
    StartLadder,

    /// <summary>Make the attempt after the last one made the one due.</summary>
    RunDueAttempt,

    /// <summary>Make the due attempt: restart ICE, and schedule the next attempt (or the last attempt's timeout).</summary>
    MakeAttempt,

    /// <summary>Hold the due attempt until the signalling is back; it is not counted.</summary>
    DeferAttempt,

    /// <summary>End the episode: disarm grace and ladder timers and re-arm the budget.</summary>
    EndEpisode,

    /// <summary>Raise the typed IceRestartExhausted error.</summary>
    RaiseExhausted,

    /// <summary>Close the media connection and disarm the peer's timers.</summary>
    CloseMedia,

    /// <summary>Arm the peer's reconnecting-visible timer, unless a reconnect the app already sees goes on (a re-entry).</summary>
    StartReconnectingVisibleTimer,

    /// <summary>Unless still reconnecting (a re-entry), disarm the peer's reconnecting-visible timer; if the reconnect was shown and the peer is connected again, raise its recovered notice.</summary>
    EndReconnectingVisible,

    /// <summary>End the spent ladder's episode, count the round, and take the escalation's first step.</summary>
    StartEscalation,

    /// <summary>Take the escalation's next step.</summary>
    EscalateNextStep,

    /// <summary>Say that a new escalation round starts with a new ICE restart ladder (the round counts once that ladder is spent).</summary>
    StartEscalationRound,

    /// <summary>Raise the typed EscalationExhausted error.</summary>
    RaiseEscalationExhausted,

    /// <summary>Forget the escalation's step and rounds: the media healed.</summary>
    ForgetEscalation,
}

/// <summary>What a remote peer machine's guards and choices read.</summary>
/// <param name="SignallingUp">The signalling socket is open, so an ICE restart's offer can be sent.</param>
/// <param name="OnLastAttempt">The ladder's last attempt is under way.</param>
/// <param name="AttemptMade">At least one ladder attempt of this episode was made (not only deferred).</param>
/// <param name="OnLastEscalationStep">The escalation's last step (the rejoin) is under way.</param>
/// <param name="EscalationRoundsLeft">Fewer escalation rounds than the budget were run (none when escalation is off).</param>
internal readonly record struct RemotePeerContext(
    bool SignallingUp, bool OnLastAttempt, bool AttemptMade, bool OnLastEscalationStep, bool EscalationRoundsLeft);

/// <summary>The remote peer machine: one per remote id, driven by media events and the ICE restart ladder.</summary>
internal static class RemotePeerMachine
{
    /// <summary>Whether a due ladder attempt is made now or held until the signalling is back: one decision, wherever an attempt falls due.</summary>
    private static readonly DestinationChoice<RemotePeerPhase, RemotePeerContext> AttemptOrDefer = new(
        "attempt now, or defer until the signalling is back",
        c => c.SignallingUp ? RemotePeerPhase.Attempting : RemotePeerPhase.Deferred,
        [(RemotePeerPhase.Attempting, "signalling up"), (RemotePeerPhase.Deferred, "signalling down")]);

    /// <summary>The machine's table.</summary>
    public static MachineTable<RemotePeerPhase, RemotePeerTrigger, RemotePeerEffect, RemotePeerContext> Table { get; } = Build();

    /// <summary>The state changes the application can see, projected from the table's rows (a superstate's row leaves each of its substates).</summary>
    public static ImmutableHashSet<(RemotePeerState From, RemotePeerState To)> VisibleChanges { get; } = Table.ChangesSeenAs(p => p.ToState());

    private static MachineTable<RemotePeerPhase, RemotePeerTrigger, RemotePeerEffect, RemotePeerContext> Build()
    {
        var b = new MachineTableBuilder<RemotePeerPhase, RemotePeerTrigger, RemotePeerEffect, RemotePeerContext>("RemotePeer", RemotePeerPhase.Idle);

        b.In(RemotePeerPhase.Idle)
            .Deadline("a connection is created in the same step the peer is found")
            .On(RemotePeerTrigger.ConnectionCreated).GoTo(RemotePeerPhase.Connecting);

        b.In(RemotePeerPhase.Present)
            .On(RemotePeerTrigger.RejoinAwaited).GoTo(RemotePeerPhase.Reconnecting, RemotePeerEffect.EndEpisode)
            .On(RemotePeerTrigger.PeerLeft).GoTo(RemotePeerPhase.Closed)
            .On(RemotePeerTrigger.LocalShutdown).GoTo(RemotePeerPhase.Closed)
            .Ignore(RemotePeerTrigger.PeerAway, "media is not connected: its own path already shows it")
            .Ignore(RemotePeerTrigger.PeerBack, "not away: the media's own path decides");

        b.In(RemotePeerPhase.Connecting)
            .SubstateOf(RemotePeerPhase.Present)
            .Deadline("connect timeout")
            .OnEnter(RemotePeerEffect.ArmConnectTimeout)
            .OnExit(RemotePeerEffect.CancelAttemptTimeout)
            .On(RemotePeerTrigger.IceConnected).GoTo(RemotePeerPhase.Connected)
            .Ignore(RemotePeerTrigger.IceDisconnected, "not connected yet; the connect timeout bounds it")
            .Ignore(RemotePeerTrigger.AddressChanged, "the first connect gathers on the new address; the connect timeout bounds it")
            .Ignore(RemotePeerTrigger.NetworkOnline, "the first connect is still tried; the connect timeout bounds it")
            .On(RemotePeerTrigger.IceFailed).GoToOneOf(AttemptOrDefer, RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.AttemptTimedOut).GoToOneOf(AttemptOrDefer, RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.ConnectionRebuilt).GoTo(RemotePeerPhase.Connecting);

        b.In(RemotePeerPhase.Connected)
            .SubstateOf(RemotePeerPhase.Present)
            .Stable("media flows; ICE consent reports a loss")
            .OnEnter(RemotePeerEffect.EndEpisode, RemotePeerEffect.ForgetEscalation)
            .Ignore(RemotePeerTrigger.IceConnected, "already connected")
            .On(RemotePeerTrigger.IceDisconnected).GoTo(RemotePeerPhase.InGrace)
            .On(RemotePeerTrigger.IceFailed).GoToOneOf(AttemptOrDefer, RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.MediaFrozen).GoToOneOf(AttemptOrDefer, RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.AddressChanged).GoToOneOf(AttemptOrDefer, RemotePeerEffect.StartLadder)
            .Ignore(RemotePeerTrigger.NetworkOnline, "media flows; ICE consent reports a loss")
            .On(RemotePeerTrigger.ConnectionRebuilt).GoTo(RemotePeerPhase.Reconnecting, RemotePeerEffect.ArmConnectTimeout)
            .On(RemotePeerTrigger.PeerAway).GoTo(RemotePeerPhase.Away);

        b.In(RemotePeerPhase.Reconnecting)
            .SubstateOf(RemotePeerPhase.Present)
            .Deadline("the rebuilt connection's connect timeout, or the wait for a rejoin")
            .OnEnter(RemotePeerEffect.StartReconnectingVisibleTimer)
            .OnExit(RemotePeerEffect.EndReconnectingVisible)
            .On(RemotePeerTrigger.IceConnected).GoTo(RemotePeerPhase.Connected)
            .Ignore(RemotePeerTrigger.IceDisconnected, "already reconnecting")
            .On(RemotePeerTrigger.IceFailed).GoToOneOf(AttemptOrDefer, RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.GraceExpired).GoToOneOf(AttemptOrDefer, RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.RestartDue).GoToOneOf(AttemptOrDefer, RemotePeerEffect.RunDueAttempt)
            .On(RemotePeerTrigger.AttemptTimedOut).GoToOneOf(AttemptOrDefer, RemotePeerEffect.StartLadder)
            .Ignore(RemotePeerTrigger.AddressChanged, "no attempt to bring forward")
            .Ignore(RemotePeerTrigger.NetworkOnline, "no attempt to bring forward")
            .On(RemotePeerTrigger.ConnectionRebuilt).GoTo(RemotePeerPhase.Reconnecting, RemotePeerEffect.EndEpisode, RemotePeerEffect.ArmConnectTimeout);

        b.In(RemotePeerPhase.InGrace)
            .SubstateOf(RemotePeerPhase.Reconnecting)
            .Deadline("the disconnected grace, when restarting on disconnected; else ICE itself reports connected or failed")
            .OnEnter(RemotePeerEffect.StartGrace)
            .On(RemotePeerTrigger.AddressChanged).GoToOneOf(AttemptOrDefer, RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.NetworkOnline).GoToOneOf(AttemptOrDefer, RemotePeerEffect.StartLadder);

        b.In(RemotePeerPhase.Attempting)
            .SubstateOf(RemotePeerPhase.Reconnecting)
            .Deadline("the next attempt, or the last attempt's timeout")
            .OnEnter(RemotePeerEffect.MakeAttempt)
            .On(RemotePeerTrigger.IceFailed).If(c => c.OnLastAttempt && c.EscalationRoundsLeft, "last attempt failed, a round left")
                .GoTo(RemotePeerPhase.Escalating, RemotePeerEffect.RaiseExhausted, RemotePeerEffect.StartEscalation)
            .On(RemotePeerTrigger.IceFailed).If(c => c.OnLastAttempt && !c.EscalationRoundsLeft, "last attempt failed, no escalation")
                .GoTo(RemotePeerPhase.Closed, RemotePeerEffect.RaiseExhausted)
            .On(RemotePeerTrigger.IceFailed).If(c => !c.OnLastAttempt, "attempts left").Stay()
            .On(RemotePeerTrigger.AttemptTimedOut).If(c => c.OnLastAttempt && c.EscalationRoundsLeft, "last attempt, a round left")
                .GoTo(RemotePeerPhase.Escalating, RemotePeerEffect.RaiseExhausted, RemotePeerEffect.StartEscalation)
            .On(RemotePeerTrigger.AttemptTimedOut).If(c => c.OnLastAttempt && !c.EscalationRoundsLeft, "last attempt, no escalation")
                .GoTo(RemotePeerPhase.Closed, RemotePeerEffect.RaiseExhausted)
            .On(RemotePeerTrigger.AddressChanged).If(c => !c.OnLastAttempt, "attempts left").GoToOneOf(AttemptOrDefer, RemotePeerEffect.RunDueAttempt)
            .On(RemotePeerTrigger.NetworkOnline).If(c => !c.OnLastAttempt, "attempts left").GoToOneOf(AttemptOrDefer, RemotePeerEffect.RunDueAttempt);

        b.In(RemotePeerPhase.Deferred)
            .SubstateOf(RemotePeerPhase.Reconnecting)
            .Deadline("the reconcile after the signalling is back rebuilds the connection; the local peer's own reconnect is bounded")
            .OnEnter(RemotePeerEffect.DeferAttempt)
            .On(RemotePeerTrigger.IceFailed).Stay()
            .On(RemotePeerTrigger.AddressChanged).If(c => c.AttemptMade, "an attempt was made").GoToOneOf(AttemptOrDefer)
            .On(RemotePeerTrigger.NetworkOnline).If(c => c.AttemptMade, "an attempt was made").GoToOneOf(AttemptOrDefer);

        b.In(RemotePeerPhase.Away)
            .SubstateOf(RemotePeerPhase.Reconnecting)
            .Deadline("the server's grace: peer-back or peer-left follows; after a local reconnect, the reconcile's roster decides")
            .On(RemotePeerTrigger.PeerBack).GoTo(RemotePeerPhase.Connected)
            .Ignore(RemotePeerTrigger.IceConnected, "media still flows; the peer's signalling is away until peer-back")
            .On(RemotePeerTrigger.IceDisconnected).GoTo(RemotePeerPhase.InGrace)
            .On(RemotePeerTrigger.AddressChanged).GoToOneOf(AttemptOrDefer, RemotePeerEffect.StartLadder);

        b.In(RemotePeerPhase.Escalating)
            .SubstateOf(RemotePeerPhase.Reconnecting)
            .Deadline("the step's bound; after the last step a new round, or closed once the rounds are spent")
            .Ignore(RemotePeerTrigger.IceFailed, "the step's bound decides when the next remedy is tried")
            .Ignore(RemotePeerTrigger.ConnectionRebuilt, "the new generation connects within the step's bound")
            .On(RemotePeerTrigger.EscalationBoundPassed).If(c => !c.OnLastEscalationStep, "steps left").Stay(RemotePeerEffect.EscalateNextStep)
            .On(RemotePeerTrigger.EscalationBoundPassed).If(c => c.OnLastEscalationStep && c.EscalationRoundsLeft, "rounds left")
                .GoToOneOf(AttemptOrDefer, RemotePeerEffect.StartLadder, RemotePeerEffect.StartEscalationRound)
            .On(RemotePeerTrigger.EscalationBoundPassed).If(c => c.OnLastEscalationStep && !c.EscalationRoundsLeft, "rounds spent")
                .GoTo(RemotePeerPhase.Closed, RemotePeerEffect.RaiseEscalationExhausted);

        b.In(RemotePeerPhase.Closed)
            .Terminal("closed for good; a new RemotePeer replaces it if the peer is still there")
            .OnEnter(RemotePeerEffect.CloseMedia)
            .Ignore(RemotePeerTrigger.AddressChanged, "closed")
            .Ignore(RemotePeerTrigger.NetworkOnline, "closed")
            .Ignore(RemotePeerTrigger.PeerLeft, "closed")
            .Ignore(RemotePeerTrigger.LocalShutdown, "closed");

        return b.Build();
    }
}

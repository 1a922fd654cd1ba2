using System.Collections.Immutable;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Machines.LocalPeer;

/// <summary>
/// Where the local peer's machine stands: the user-visible <see cref="LocalPeerState"/>, with the states of a peer in
/// a channel nested in <see cref="InChannel"/>, which holds the rows they share. <see cref="LocalPeerPhases.ToState"/>
/// projects a phase onto the state the application sees.
/// </summary>
internal enum LocalPeerPhase
{
    /// <summary>Shown as <see cref="LocalPeerState.Idle"/>.</summary>
    Idle = LocalPeerState.Idle,

    /// <summary>Shown as <see cref="LocalPeerState.Joining"/>.</summary>
    Joining = LocalPeerState.Joining,

    /// <summary>Shown as <see cref="LocalPeerState.Joined"/>.</summary>
    Joined = LocalPeerState.Joined,

    /// <summary>Shown as <see cref="LocalPeerState.Reconnecting"/>.</summary>
    Reconnecting = LocalPeerState.Reconnecting,

    /// <summary>Shown as <see cref="LocalPeerState.Leaving"/>.</summary>
    Leaving = LocalPeerState.Leaving,

    /// <summary>Shown as <see cref="LocalPeerState.Closed"/>.</summary>
    Closed = LocalPeerState.Closed,

    /// <summary>Superstate of joining, joined and reconnecting: the peer holds or seeks a place in a channel. Never stood in itself.</summary>
    InChannel,
}

/// <summary>How the local peer's phase shows to the application.</summary>
internal static class LocalPeerPhases
{
    /// <summary>The state the application sees in a phase.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The phase is <see cref="LocalPeerPhase.InChannel"/>, which the peer never stands in.</exception>
    public static LocalPeerState ToState(this LocalPeerPhase phase) => phase switch
    {
        LocalPeerPhase.Idle => LocalPeerState.Idle,
        LocalPeerPhase.Joining => LocalPeerState.Joining,
        LocalPeerPhase.Joined => LocalPeerState.Joined,
        LocalPeerPhase.Reconnecting => LocalPeerState.Reconnecting,
        LocalPeerPhase.Leaving => LocalPeerState.Leaving,
        LocalPeerPhase.Closed => LocalPeerState.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "The local peer never stands in a superstate only."),
    };
}

/// <summary>What happens to the local peer.</summary>
internal enum LocalPeerTrigger
{
    /// <summary>The user asked to join.</summary>
    JoinRequested,

    /// <summary>The server welcomed the peer into the channel.</summary>
    Welcomed,

    /// <summary>The signalling dropped and will be retried.</summary>
    SignallingLost,

    /// <summary>The first connect failed and fails fast to the caller.</summary>
    FirstConnectFailed,

    /// <summary>The signalling ended for good (terminal code, exhausted budget).</summary>
    SignallingGaveUp,

    /// <summary>The server says the session was evicted while away.</summary>
    Evicted,

    /// <summary>The user asked to leave.</summary>
    LeaveRequested,

    /// <summary>Leaving finished (socket closed or leave timeout).</summary>
    LeaveFinished,

    /// <summary>The user closed the peer.</summary>
    CloseRequested,
}

/// <summary>What the engine does for the local peer machine.</summary>
internal enum LocalPeerEffect
{
    /// <summary>Ask the socket machine to connect.</summary>
    ConnectSignalling,

    /// <summary>Remember the join just requested (a later one replaces it) until it can start.</summary>
    QueueJoin,

    /// <summary>Take the queued join's channel, peer id and metadata, and start afresh (no session, never welcomed).</summary>
    StartQueuedJoin,

    /// <summary>Forget the queued join (the user asked to leave again).</summary>
    DropQueuedJoin,

    /// <summary>Send a fresh join, dropping the evicted session.</summary>
    RejoinAsNew,

    /// <summary>Raise the evicted error.</summary>
    RaiseEvicted,

    /// <summary>Arm the still-reconnecting timer.</summary>
    StartStillReconnectingTimer,

    /// <summary>Disarm the still-reconnecting timer.</summary>
    CancelStillReconnectingTimer,

    /// <summary>Arm the reconnecting-visible timer: the app is shown the reconnect only once it has lasted the configured time.</summary>
    StartReconnectingVisibleTimer,

    /// <summary>Disarm the reconnecting-visible timer; if the reconnect was shown and the peer is joined again, raise its recovered notice.</summary>
    EndReconnectingVisible,

    /// <summary>Send the leave message and arm the leave timeout.</summary>
    BeginLeave,

    /// <summary>Send the leave message, if the socket is open, so the others see the peer leave at once (a close).</summary>
    SendLeave,

    /// <summary>Disarm the leave timeout.</summary>
    CancelLeaveTimer,

    /// <summary>Release the socket and close every remote peer; the engine may join again.</summary>
    ReleaseChannel,

    /// <summary>Close the socket, every remote peer and every timer, for good.</summary>
    ShutDown,
}

/// <summary>What the local peer machine's guards read.</summary>
/// <param name="RejoinAfterEviction">The options say to rejoin as new after an eviction.</param>
/// <param name="JoinQueued">A join requested while leaving waits for the leave to finish.</param>
internal readonly record struct LocalPeerContext(bool RejoinAfterEviction, bool JoinQueued);

/// <summary>The local peer machine: the user-visible life of the peer in a channel.</summary>
internal static class LocalPeerMachine
{
    /// <summary>The machine's table.</summary>
    public static MachineTable<LocalPeerPhase, LocalPeerTrigger, LocalPeerEffect, LocalPeerContext> Table { get; } = Build();

    /// <summary>The state changes the application can see, projected from the table's rows (a superstate's row leaves each of its substates).</summary>
    public static ImmutableHashSet<(LocalPeerState From, LocalPeerState To)> VisibleChanges { get; } = Table.ChangesSeenAs(p => p.ToState());

    private static MachineTable<LocalPeerPhase, LocalPeerTrigger, LocalPeerEffect, LocalPeerContext> Build()
    {
        var b = new MachineTableBuilder<LocalPeerPhase, LocalPeerTrigger, LocalPeerEffect, LocalPeerContext>("LocalPeer", LocalPeerPhase.Idle);

        b.In(LocalPeerPhase.Idle)
            .Stable("waits for the user to join")
            .On(LocalPeerTrigger.JoinRequested).GoTo(LocalPeerPhase.Joining, LocalPeerEffect.QueueJoin, LocalPeerEffect.StartQueuedJoin, LocalPeerEffect.ConnectSignalling)
            .Ignore(LocalPeerTrigger.LeaveRequested, "not in a channel: nothing to leave")
            .On(LocalPeerTrigger.CloseRequested).GoTo(LocalPeerPhase.Closed);

        b.In(LocalPeerPhase.InChannel)
            .On(LocalPeerTrigger.SignallingGaveUp).GoTo(LocalPeerPhase.Closed)
            .On(LocalPeerTrigger.Evicted).If(c => c.RejoinAfterEviction, "rejoin as new")
                .GoTo(LocalPeerPhase.Joining, LocalPeerEffect.RaiseEvicted, LocalPeerEffect.RejoinAsNew)
            .On(LocalPeerTrigger.Evicted).If(c => !c.RejoinAfterEviction, "stop").GoTo(LocalPeerPhase.Closed, LocalPeerEffect.RaiseEvicted)
            .On(LocalPeerTrigger.LeaveRequested).GoTo(LocalPeerPhase.Leaving)
            .On(LocalPeerTrigger.CloseRequested).GoTo(LocalPeerPhase.Closed, LocalPeerEffect.SendLeave);

        b.In(LocalPeerPhase.Joining)
            .SubstateOf(LocalPeerPhase.InChannel)
            .Deadline("first connect fails fast, or the socket's attempt budget")
            .On(LocalPeerTrigger.Welcomed).GoTo(LocalPeerPhase.Joined)
            .Ignore(LocalPeerTrigger.SignallingLost, "the join is still being retried")
            .On(LocalPeerTrigger.FirstConnectFailed).GoTo(LocalPeerPhase.Idle)
            .Reject(LocalPeerTrigger.JoinRequested, "already joining a channel");

        b.In(LocalPeerPhase.Joined)
            .SubstateOf(LocalPeerPhase.InChannel)
            .Stable("in the channel; the socket's liveness detects a silent drop")
            .On(LocalPeerTrigger.SignallingLost).GoTo(LocalPeerPhase.Reconnecting)
            .Reject(LocalPeerTrigger.JoinRequested, "already in a channel");

        b.In(LocalPeerPhase.Reconnecting)
            .SubstateOf(LocalPeerPhase.InChannel)
            .Deadline("the socket's attempt budget; reconnecting-visible and still-reconnecting notices at the configured times")
            .OnEnter(LocalPeerEffect.StartStillReconnectingTimer, LocalPeerEffect.StartReconnectingVisibleTimer)
            .OnExit(LocalPeerEffect.CancelStillReconnectingTimer, LocalPeerEffect.EndReconnectingVisible)
            .On(LocalPeerTrigger.Welcomed).GoTo(LocalPeerPhase.Joined)
            .Reject(LocalPeerTrigger.JoinRequested, "already in a channel, reconnecting");

        b.In(LocalPeerPhase.Leaving)
            .Deadline("leave timeout")
            .OnEnter(LocalPeerEffect.BeginLeave)
            .OnExit(LocalPeerEffect.CancelLeaveTimer)
            .On(LocalPeerTrigger.LeaveFinished).If(c => c.JoinQueued, "a join is queued")
                .GoTo(LocalPeerPhase.Joining, LocalPeerEffect.ReleaseChannel, LocalPeerEffect.StartQueuedJoin, LocalPeerEffect.ConnectSignalling)
            .On(LocalPeerTrigger.LeaveFinished).If(c => !c.JoinQueued, "no join queued").GoTo(LocalPeerPhase.Idle, LocalPeerEffect.ReleaseChannel)
            .On(LocalPeerTrigger.JoinRequested).Stay(LocalPeerEffect.QueueJoin)
            .On(LocalPeerTrigger.LeaveRequested).If(c => c.JoinQueued, "a join is queued").Stay(LocalPeerEffect.DropQueuedJoin)
            .Ignore(LocalPeerTrigger.LeaveRequested, "already leaving")
            .Ignore(LocalPeerTrigger.Welcomed, "leaving")
            .Ignore(LocalPeerTrigger.SignallingLost, "leaving; the leave timeout ends it")
            .Ignore(LocalPeerTrigger.Evicted, "leaving anyway")
            .On(LocalPeerTrigger.SignallingGaveUp).GoTo(LocalPeerPhase.Closed)
            .On(LocalPeerTrigger.CloseRequested).GoTo(LocalPeerPhase.Closed);

        b.In(LocalPeerPhase.Closed)
            .Terminal("closed for good")
            .OnEnter(LocalPeerEffect.ShutDown)
            .Ignore(LocalPeerTrigger.CloseRequested, "close is idempotent")
            .Reject(LocalPeerTrigger.JoinRequested, "closed for good: join after close is refused")
            .Ignore(LocalPeerTrigger.LeaveRequested, "closed for good: nothing to leave");

        return b.Build();
    }
}

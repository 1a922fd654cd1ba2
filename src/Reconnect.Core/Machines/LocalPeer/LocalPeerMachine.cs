using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Machines.LocalPeer;

/// <summary>The local peer's user-visible states.</summary>
public enum LocalPeerState
{
    /// <summary>Not in a channel.</summary>
    Idle,

    /// <summary>Joining a channel.</summary>
    Joining,

    /// <summary>In the channel.</summary>
    Joined,

    /// <summary>In the channel, but the signalling dropped and is being restored.</summary>
    Reconnecting,

    /// <summary>Leaving the channel.</summary>
    Leaving,

    /// <summary>Closed for good.</summary>
    Closed,
}

/// <summary>What happens to the local peer.</summary>
public enum LocalPeerTrigger
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
public enum LocalPeerEffect
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
public readonly record struct LocalPeerContext(bool RejoinAfterEviction, bool JoinQueued);

/// <summary>The local peer machine: the user-visible life of the peer in a channel.</summary>
public static class LocalPeerMachine
{
    /// <summary>The machine's table.</summary>
    public static MachineTable<LocalPeerState, LocalPeerTrigger, LocalPeerEffect, LocalPeerContext> Table { get; } = Build();

    private static MachineTable<LocalPeerState, LocalPeerTrigger, LocalPeerEffect, LocalPeerContext> Build()
    {
        var b = new MachineTableBuilder<LocalPeerState, LocalPeerTrigger, LocalPeerEffect, LocalPeerContext>("LocalPeer", LocalPeerState.Idle);

        b.In(LocalPeerState.Idle)
            .Stable("waits for the user to join")
            .On(LocalPeerTrigger.JoinRequested).GoTo(LocalPeerState.Joining, LocalPeerEffect.QueueJoin, LocalPeerEffect.StartQueuedJoin, LocalPeerEffect.ConnectSignalling)
            .Ignore(LocalPeerTrigger.LeaveRequested, "not in a channel: nothing to leave")
            .On(LocalPeerTrigger.CloseRequested).GoTo(LocalPeerState.Closed);

        b.In(LocalPeerState.Joining)
            .Deadline("first connect fails fast, or the socket's attempt budget")
            .On(LocalPeerTrigger.Welcomed).GoTo(LocalPeerState.Joined)
            .Ignore(LocalPeerTrigger.SignallingLost, "the join is still being retried")
            .On(LocalPeerTrigger.FirstConnectFailed).GoTo(LocalPeerState.Idle)
            .On(LocalPeerTrigger.SignallingGaveUp).GoTo(LocalPeerState.Closed)
            .Reject(LocalPeerTrigger.JoinRequested, "already joining a channel")
            .On(LocalPeerTrigger.Evicted).If(c => c.RejoinAfterEviction, "rejoin as new").Stay(LocalPeerEffect.RaiseEvicted, LocalPeerEffect.RejoinAsNew)
            .On(LocalPeerTrigger.Evicted).If(c => !c.RejoinAfterEviction, "stop").GoTo(LocalPeerState.Closed, LocalPeerEffect.RaiseEvicted)
            .On(LocalPeerTrigger.LeaveRequested).GoTo(LocalPeerState.Leaving)
            .On(LocalPeerTrigger.CloseRequested).GoTo(LocalPeerState.Closed, LocalPeerEffect.SendLeave);

        b.In(LocalPeerState.Joined)
            .Stable("in the channel; the socket's liveness detects a silent drop")
            .On(LocalPeerTrigger.SignallingLost).GoTo(LocalPeerState.Reconnecting)
            .On(LocalPeerTrigger.SignallingGaveUp).GoTo(LocalPeerState.Closed)
            .Reject(LocalPeerTrigger.JoinRequested, "already in a channel")
            .On(LocalPeerTrigger.Evicted).If(c => c.RejoinAfterEviction, "rejoin as new")
                .GoTo(LocalPeerState.Joining, LocalPeerEffect.RaiseEvicted, LocalPeerEffect.RejoinAsNew)
            .On(LocalPeerTrigger.Evicted).If(c => !c.RejoinAfterEviction, "stop").GoTo(LocalPeerState.Closed, LocalPeerEffect.RaiseEvicted)
            .On(LocalPeerTrigger.LeaveRequested).GoTo(LocalPeerState.Leaving)
            .On(LocalPeerTrigger.CloseRequested).GoTo(LocalPeerState.Closed, LocalPeerEffect.SendLeave);

        b.In(LocalPeerState.Reconnecting)
            .Deadline("the socket's attempt budget; a still-reconnecting notice at the configured time")
            .OnEnter(LocalPeerEffect.StartStillReconnectingTimer)
            .OnExit(LocalPeerEffect.CancelStillReconnectingTimer)
            .On(LocalPeerTrigger.Welcomed).GoTo(LocalPeerState.Joined)
            .On(LocalPeerTrigger.SignallingGaveUp).GoTo(LocalPeerState.Closed)
            .Reject(LocalPeerTrigger.JoinRequested, "already in a channel, reconnecting")
            .On(LocalPeerTrigger.Evicted).If(c => c.RejoinAfterEviction, "rejoin as new")
                .GoTo(LocalPeerState.Joining, LocalPeerEffect.RaiseEvicted, LocalPeerEffect.RejoinAsNew)
            .On(LocalPeerTrigger.Evicted).If(c => !c.RejoinAfterEviction, "stop").GoTo(LocalPeerState.Closed, LocalPeerEffect.RaiseEvicted)
            .On(LocalPeerTrigger.LeaveRequested).GoTo(LocalPeerState.Leaving)
            .On(LocalPeerTrigger.CloseRequested).GoTo(LocalPeerState.Closed, LocalPeerEffect.SendLeave);

        b.In(LocalPeerState.Leaving)
            .Deadline("leave timeout")
            .OnEnter(LocalPeerEffect.BeginLeave)
            .OnExit(LocalPeerEffect.CancelLeaveTimer)
            .On(LocalPeerTrigger.LeaveFinished).If(c => c.JoinQueued, "a join is queued")
                .GoTo(LocalPeerState.Joining, LocalPeerEffect.ReleaseChannel, LocalPeerEffect.StartQueuedJoin, LocalPeerEffect.ConnectSignalling)
            .On(LocalPeerTrigger.LeaveFinished).If(c => !c.JoinQueued, "no join queued").GoTo(LocalPeerState.Idle, LocalPeerEffect.ReleaseChannel)
            .On(LocalPeerTrigger.JoinRequested).Stay(LocalPeerEffect.QueueJoin)
            .On(LocalPeerTrigger.LeaveRequested).If(c => c.JoinQueued, "a join is queued").Stay(LocalPeerEffect.DropQueuedJoin)
            .Ignore(LocalPeerTrigger.LeaveRequested, "already leaving")
            .Ignore(LocalPeerTrigger.Welcomed, "leaving")
            .Ignore(LocalPeerTrigger.SignallingLost, "leaving; the leave timeout ends it")
            .Ignore(LocalPeerTrigger.Evicted, "leaving anyway")
            .On(LocalPeerTrigger.SignallingGaveUp).GoTo(LocalPeerState.Closed)
            .On(LocalPeerTrigger.CloseRequested).GoTo(LocalPeerState.Closed);

        b.In(LocalPeerState.Closed)
            .Terminal("closed for good")
            .OnEnter(LocalPeerEffect.ShutDown)
            .Ignore(LocalPeerTrigger.CloseRequested, "close is idempotent")
            .Reject(LocalPeerTrigger.JoinRequested, "closed for good: join after close is refused")
            .Ignore(LocalPeerTrigger.LeaveRequested, "closed for good: nothing to leave");

        return b.Build();
    }
}

using Reconnect.Core.Engine;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Machines.Reconcile;

/// <summary>What happens to the reconcile.</summary>
internal enum ReconcileTrigger
{
    /// <summary>The socket was welcomed (first join or a reconnect).</summary>
    Welcomed,

    /// <summary>A full roster snapshot for the current round arrived.</summary>
    RosterReceived,


    /// <summary>The roster deadline passed.</summary>
    DeadlinePassed,

    /// <summary>The socket dropped, or the local peer left or closed; a newer reconnect will supersede this round.</summary>
    Superseded,
}

/// <summary>What the engine does for the reconcile machine.</summary>
internal enum ReconcileEffect
{
    /// <summary>Start a new round: a new request id, a reset retry count.</summary>
    BeginRound,

    /// <summary>Send a roster request and arm the deadline.</summary>
    RequestRoster,

    /// <summary>Disarm the deadline.</summary>
    CancelDeadline,

    /// <summary>Diff the snapshot against the identity map: keep, swap, add, remove.</summary>
    ApplySnapshot,

    /// <summary>Raise the typed ReconcileTimeout error.</summary>
    RaiseTimeout,

    /// <summary>Give up the socket (close code 4105 <c>roster_timeout</c>): the reconnect starts a fresh round.</summary>
    AbandonSocket,
}

/// <summary>What the reconcile machine's guards read.</summary>
/// <param name="RetriesLeft">Roster re-requests remain before the timeout error.</param>
/// <param name="TimedOutRequestsLeft">After the timeout error, roster requests remain before the socket is given up.</param>
internal readonly record struct ReconcileContext(bool RetriesLeft, bool TimedOutRequestsLeft);

/// <summary>The reconcile machine: after each welcome, read the roster and align the identity map with it.</summary>
internal static class ReconcileMachine
{
    /// <summary>The machine's table.</summary>
    public static MachineTable<ReconcileState, ReconcileTrigger, ReconcileEffect, ReconcileContext> Table { get; } = Build();

    private static MachineTable<ReconcileState, ReconcileTrigger, ReconcileEffect, ReconcileContext> Build()
    {
        var b = new MachineTableBuilder<ReconcileState, ReconcileTrigger, ReconcileEffect, ReconcileContext>("Reconcile", ReconcileState.Idle);

        b.In(ReconcileState.Idle)
            .Stable("waits for a welcome")
            .On(ReconcileTrigger.Welcomed).GoTo(ReconcileState.AwaitingRoster, ReconcileEffect.BeginRound)
            .Ignore(ReconcileTrigger.Superseded, "nothing to supersede");

        b.In(ReconcileState.AwaitingRoster)
            .Deadline("roster deadline, re-requested, then the timeout error")
            .OnEnter(ReconcileEffect.RequestRoster)
            .OnExit(ReconcileEffect.CancelDeadline)
            .On(ReconcileTrigger.RosterReceived).GoTo(ReconcileState.Done, ReconcileEffect.ApplySnapshot)
            .On(ReconcileTrigger.DeadlinePassed).If(c => c.RetriesLeft, "retries left").GoTo(ReconcileState.AwaitingRoster)
            .On(ReconcileTrigger.DeadlinePassed).If(c => !c.RetriesLeft, "retries spent").GoTo(ReconcileState.TimedOut, ReconcileEffect.RaiseTimeout)
            .On(ReconcileTrigger.Superseded).GoTo(ReconcileState.Idle);

        b.In(ReconcileState.Done)
            .Stable("reconciled; incremental roster messages keep the map current")
            .On(ReconcileTrigger.RosterReceived).Stay(ReconcileEffect.ApplySnapshot)
            .On(ReconcileTrigger.Superseded).GoTo(ReconcileState.Idle);

        b.In(ReconcileState.TimedOut)
            .Deadline("re-requests at the roster deadline a few more times, then gives the socket up")
            .OnEnter(ReconcileEffect.RequestRoster)
            .OnExit(ReconcileEffect.CancelDeadline)
            .On(ReconcileTrigger.RosterReceived).GoTo(ReconcileState.Done, ReconcileEffect.ApplySnapshot)
            .On(ReconcileTrigger.DeadlinePassed).If(c => c.TimedOutRequestsLeft, "requests left").GoTo(ReconcileState.TimedOut)
            .On(ReconcileTrigger.DeadlinePassed).If(c => !c.TimedOutRequestsLeft, "requests spent").GoTo(ReconcileState.Idle, ReconcileEffect.AbandonSocket)
            .On(ReconcileTrigger.Superseded).GoTo(ReconcileState.Idle);

        return b.Build();
    }
}

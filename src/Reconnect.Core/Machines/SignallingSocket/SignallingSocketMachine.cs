using Reconnect.Core.Engine;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Machines.SignallingSocket;

/// <summary>What happens to the signalling socket.</summary>
internal enum SignallingSocketTrigger
{
    /// <summary>The local peer wants to be connected.</summary>
    ConnectRequested,

    /// <summary>The token provider answered.</summary>
    TokenReceived,

    /// <summary>The token provider failed or timed out.</summary>
    TokenFailed,

    /// <summary>The welcome arrived.</summary>
    Welcomed,

    /// <summary>The socket closed or was declared dead (welcome timeout, liveness).</summary>
    SocketFailed,

    /// <summary>The backoff wait ended.</summary>
    RetryDue,

    /// <summary>The operating system says the network is gone.</summary>
    NetworkLost,

    /// <summary>The operating system says the network is back or the address changed.</summary>
    NetworkRestored,

    /// <summary>The offline probe's wait ended: try once more, cheaply.</summary>
    ProbeDue,

    /// <summary>The socket stayed up for the stable window.</summary>
    StableWindowElapsed,

    /// <summary>The local peer left the channel; the socket may be used again.</summary>
    Released,

    /// <summary>The local peer closed, or the socket must stop for good.</summary>
    CloseRequested,
}

/// <summary>What the engine does for the socket machine.</summary>
internal enum SignallingSocketEffect
{
    /// <summary>Call the token provider and arm its timeout.</summary>
    FetchToken,

    /// <summary>Disarm the token timeout.</summary>
    CancelTokenFetch,

    /// <summary>Open a socket of a new epoch and arm the welcome timeout.</summary>
    OpenSocket,

    /// <summary>Disarm the welcome timeout.</summary>
    CancelWelcomeTimeout,

    /// <summary>Arm ping, liveness and stable-window timers.</summary>
    StartHeartbeat,

    /// <summary>Disarm ping, liveness and stable-window timers.</summary>
    StopHeartbeat,

    /// <summary>Close the live socket, if any.</summary>
    DropSocket,

    /// <summary>Count one failed attempt.</summary>
    CountFailedAttempt,

    /// <summary>Compute the backoff and arm the retry timer.</summary>
    ScheduleRetry,

    /// <summary>Disarm the retry timer.</summary>
    CancelRetry,

    /// <summary>Arm the offline probe, unless the OS says offline (then its online signal ends the wait).</summary>
    StartOfflineProbe,

    /// <summary>Disarm the offline probe.</summary>
    CancelOfflineProbe,

    /// <summary>End the run of failed attempts: the socket was opened and welcomed.</summary>
    ResetAttempts,

    /// <summary>Count a welcomed socket that dropped before the stable window: the next retry waits longer.</summary>
    CountFlap,

    /// <summary>Forget earlier flaps: the socket stayed up for the stable window.</summary>
    ForgetFlaps,

    /// <summary>Tell the local peer the signalling is lost but will be retried.</summary>
    ReportLost,

    /// <summary>Tell the local peer the first connect failed and the caller should know.</summary>
    ReportFirstConnectFailed,

    /// <summary>Tell the local peer the signalling ended for good (terminal code or exhausted budget).</summary>
    ReportGaveUp,

    /// <summary>Tell the local peer the socket is welcomed.</summary>
    ReportWelcomed,
}

/// <summary>What the socket machine's guards read.</summary>
/// <param name="TerminalCode">The close that happened carries a terminal code.</param>
/// <param name="BudgetSpent">Counting this failure uses up the attempt budget.</param>
/// <param name="FailFast">No welcome ever arrived and the first connect fails fast.</param>
/// <param name="Offline">The operating system says there is no network.</param>
/// <param name="LocalOutage">The failure is the local network being unreachable and the offline probe is on.</param>
internal readonly record struct SignallingSocketContext(bool TerminalCode, bool BudgetSpent, bool FailFast, bool Offline, bool LocalOutage);

/// <summary>
/// The signalling socket machine: when to connect, wait, retry, pause and give up. Only failed attempts spend the
/// budget: a welcome ends the run of failures, and a welcomed socket that drops is a flap, damped by a longer wait
/// before the next attempt (never by giving up) until the socket stays up for the stable window.
/// </summary>
internal static class SignallingSocketMachine
{
    /// <summary>The machine's table.</summary>
    public static MachineTable<SignallingSocketState, SignallingSocketTrigger, SignallingSocketEffect, SignallingSocketContext> Table { get; } = Build();

    private static MachineTable<SignallingSocketState, SignallingSocketTrigger, SignallingSocketEffect, SignallingSocketContext> Build()
    {
        var b = new MachineTableBuilder<SignallingSocketState, SignallingSocketTrigger, SignallingSocketEffect, SignallingSocketContext>(
            "SignallingSocket", SignallingSocketState.Idle);

        b.In(SignallingSocketState.Idle)
            .Stable("waits for the local peer to join")
            .On(SignallingSocketTrigger.ConnectRequested).If(c => c.Offline, "offline").GoTo(SignallingSocketState.Offline)
            .On(SignallingSocketTrigger.ConnectRequested).If(c => !c.Offline, "online").GoTo(SignallingSocketState.FetchingToken)
            .Ignore(SignallingSocketTrigger.NetworkLost, "nothing to pause")
            .Ignore(SignallingSocketTrigger.NetworkRestored, "nothing to resume")
            .On(SignallingSocketTrigger.CloseRequested).GoTo(SignallingSocketState.Closed);

        var fetching = b.In(SignallingSocketState.FetchingToken)
            .Deadline("token fetch timeout")
            .OnEnter(SignallingSocketEffect.FetchToken)
            .OnExit(SignallingSocketEffect.CancelTokenFetch)
            .On(SignallingSocketTrigger.TokenReceived).GoTo(SignallingSocketState.Connecting);
        AddFailureRows(fetching, SignallingSocketTrigger.TokenFailed);
        fetching
            .On(SignallingSocketTrigger.NetworkLost).GoTo(SignallingSocketState.Offline)
            .Ignore(SignallingSocketTrigger.NetworkRestored, "an attempt is already under way")
            .On(SignallingSocketTrigger.Released).GoTo(SignallingSocketState.Idle)
            .On(SignallingSocketTrigger.CloseRequested).GoTo(SignallingSocketState.Closed);

        var connecting = b.In(SignallingSocketState.Connecting)
            .Deadline("welcome timeout")
            .OnEnter(SignallingSocketEffect.OpenSocket)
            .OnExit(SignallingSocketEffect.CancelWelcomeTimeout)
            .On(SignallingSocketTrigger.Welcomed).GoTo(SignallingSocketState.Open, SignallingSocketEffect.ResetAttempts, SignallingSocketEffect.ReportWelcomed);
        AddFailureRows(connecting, SignallingSocketTrigger.SocketFailed);
        connecting
            .On(SignallingSocketTrigger.NetworkLost).GoTo(SignallingSocketState.Offline, SignallingSocketEffect.DropSocket)
            .Ignore(SignallingSocketTrigger.NetworkRestored, "an attempt is already under way")
            .On(SignallingSocketTrigger.Released).GoTo(SignallingSocketState.Idle, SignallingSocketEffect.DropSocket)
            .On(SignallingSocketTrigger.CloseRequested).GoTo(SignallingSocketState.Closed, SignallingSocketEffect.DropSocket);

        b.In(SignallingSocketState.Open)
            .Stable("liveness timeout closes a silent socket")
            .OnEnter(SignallingSocketEffect.StartHeartbeat)
            .OnExit(SignallingSocketEffect.StopHeartbeat)
            .On(SignallingSocketTrigger.SocketFailed).If(c => c.TerminalCode, "terminal code").GoTo(SignallingSocketState.Closed, SignallingSocketEffect.ReportGaveUp)
            .On(SignallingSocketTrigger.SocketFailed).If(c => !c.TerminalCode && c.LocalOutage, "local network unreachable")
                .GoTo(SignallingSocketState.Offline, SignallingSocketEffect.CountFlap, SignallingSocketEffect.ReportLost)
            .On(SignallingSocketTrigger.SocketFailed).If(c => !c.TerminalCode && !c.LocalOutage, "retry")
                .GoTo(SignallingSocketState.WaitingToRetry, SignallingSocketEffect.CountFlap, SignallingSocketEffect.ReportLost)
            .On(SignallingSocketTrigger.NetworkLost)
                .GoTo(SignallingSocketState.Offline, SignallingSocketEffect.DropSocket, SignallingSocketEffect.CountFlap, SignallingSocketEffect.ReportLost)
            .Ignore(SignallingSocketTrigger.NetworkRestored, "the socket is up; liveness decides")
            .On(SignallingSocketTrigger.StableWindowElapsed).Stay(SignallingSocketEffect.ForgetFlaps)
            .On(SignallingSocketTrigger.Released).GoTo(SignallingSocketState.Idle, SignallingSocketEffect.DropSocket)
            .On(SignallingSocketTrigger.CloseRequested).GoTo(SignallingSocketState.Closed, SignallingSocketEffect.DropSocket);

        b.In(SignallingSocketState.WaitingToRetry)
            .Deadline("backoff timer")
            .OnEnter(SignallingSocketEffect.ScheduleRetry)
            .OnExit(SignallingSocketEffect.CancelRetry)
            .On(SignallingSocketTrigger.RetryDue).GoTo(SignallingSocketState.FetchingToken)
            .On(SignallingSocketTrigger.NetworkLost).GoTo(SignallingSocketState.Offline)
            .On(SignallingSocketTrigger.NetworkRestored).GoTo(SignallingSocketState.FetchingToken)
            .On(SignallingSocketTrigger.Released).GoTo(SignallingSocketState.Idle)
            .On(SignallingSocketTrigger.CloseRequested).GoTo(SignallingSocketState.Closed);

        b.In(SignallingSocketState.Offline)
            .Stable("attempts pause, spending no budget, until the OS says online or a cheap probe finds the network")
            .OnEnter(SignallingSocketEffect.StartOfflineProbe)
            .OnExit(SignallingSocketEffect.CancelOfflineProbe)
            .On(SignallingSocketTrigger.NetworkRestored).GoTo(SignallingSocketState.FetchingToken)
            .On(SignallingSocketTrigger.ProbeDue).GoTo(SignallingSocketState.FetchingToken)
            .Ignore(SignallingSocketTrigger.NetworkLost, "already paused")
            .On(SignallingSocketTrigger.Released).GoTo(SignallingSocketState.Idle)
            .On(SignallingSocketTrigger.CloseRequested).GoTo(SignallingSocketState.Closed);

        b.In(SignallingSocketState.Closed)
            .Terminal("closed for good")
            .Ignore(SignallingSocketTrigger.CloseRequested, "close is idempotent");

        return b.Build();
    }

    /// <summary>
    /// How an attempt (token fetch or socket before its welcome) fails: a terminal code closes, a first connect may
    /// fail fast, a local outage pauses without spending budget, the last of the budget closes, anything else counts
    /// one failure and backs off.
    /// </summary>
    private static void AddFailureRows(
        MachineTableBuilder<SignallingSocketState, SignallingSocketTrigger, SignallingSocketEffect, SignallingSocketContext>.StateConfiguration state,
        SignallingSocketTrigger trigger)
    {
        if (trigger == SignallingSocketTrigger.SocketFailed)
        {
            state.On(trigger).If(c => c.TerminalCode, "terminal code").GoTo(SignallingSocketState.Closed, SignallingSocketEffect.ReportGaveUp);
        }

        state.On(trigger).If(c => !Terminal(c, trigger) && c.FailFast, "first connect fails fast")
            .GoTo(SignallingSocketState.Idle, SignallingSocketEffect.ReportFirstConnectFailed);
        state.On(trigger).If(c => !Terminal(c, trigger) && !c.FailFast && c.LocalOutage, "local network unreachable").GoTo(SignallingSocketState.Offline);
        state.On(trigger).If(c => !Terminal(c, trigger) && !c.FailFast && !c.LocalOutage && c.BudgetSpent, "budget spent")
            .GoTo(SignallingSocketState.Closed, SignallingSocketEffect.CountFailedAttempt, SignallingSocketEffect.ReportGaveUp);
        state.On(trigger).If(c => !Terminal(c, trigger) && !c.FailFast && !c.LocalOutage && !c.BudgetSpent, "retry")
            .GoTo(SignallingSocketState.WaitingToRetry, SignallingSocketEffect.CountFailedAttempt);
    }

    /// <summary>A terminal code decides first, and only a socket's failure carries one (a token failure never does).</summary>
    private static bool Terminal(SignallingSocketContext context, SignallingSocketTrigger trigger) =>
        trigger == SignallingSocketTrigger.SocketFailed && context.TerminalCode;
}

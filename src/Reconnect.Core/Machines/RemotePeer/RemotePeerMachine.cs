using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Machines.RemotePeer;

/// <summary>A remote peer's states, as the application sees them.</summary>
public enum RemotePeerState
{
    /// <summary>Known from the roster; no media connection yet.</summary>
    Idle,

    /// <summary>The first media connection (or a rebuilt one before it ever connected) is being established.</summary>
    Connecting,

    /// <summary>Media flows.</summary>
    Connected,

    /// <summary>Media was lost and is being restored (grace, ICE restart ladder, or a rebuilt connection).</summary>
    Reconnecting,

    /// <summary>Closed: the peer left, the local peer closed, or the ladder was exhausted.</summary>
    Closed,
}

/// <summary>What happens to a remote peer.</summary>
public enum RemotePeerTrigger
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
}

/// <summary>What the engine does for a remote peer machine.</summary>
public enum RemotePeerEffect
{
    /// <summary>Arm the connect timeout.</summary>
    ArmConnectTimeout,

    /// <summary>Disarm the connect or attempt timeout.</summary>
    CancelAttemptTimeout,

    /// <summary>Arm the disconnected grace.</summary>
    StartGrace,

    /// <summary>Start the ladder now: attempt 1, and schedule attempt 2.</summary>
    StartLadder,

    /// <summary>Run the attempt that is due and schedule the next (or the last attempt's timeout).</summary>
    RunDueAttempt,

    /// <summary>End the episode: disarm grace and ladder timers and re-arm the budget.</summary>
    EndEpisode,

    /// <summary>Raise the typed IceRestartExhausted error.</summary>
    RaiseExhausted,

    /// <summary>Close the media connection and disarm the peer's timers.</summary>
    CloseMedia,
}

/// <summary>What a remote peer machine's guards read.</summary>
/// <param name="LadderRunning">A ladder episode has started (past the grace), its first attempt made or waiting for the signalling.</param>
/// <param name="OnLastAttempt">The ladder's last attempt is under way.</param>
/// <param name="InGrace">The disconnected grace runs: the ladder has not started.</param>
/// <param name="AttemptMade">At least one ladder attempt of this episode was made (not only deferred).</param>
public readonly record struct RemotePeerContext(bool LadderRunning, bool OnLastAttempt, bool InGrace, bool AttemptMade);

/// <summary>The remote peer machine: one per remote id, driven by media events and the ICE restart ladder.</summary>
public static class RemotePeerMachine
{
    /// <summary>The machine's table.</summary>
    public static MachineTable<RemotePeerState, RemotePeerTrigger, RemotePeerEffect, RemotePeerContext> Table { get; } = Build();

    private static MachineTable<RemotePeerState, RemotePeerTrigger, RemotePeerEffect, RemotePeerContext> Build()
    {
        var b = new MachineTableBuilder<RemotePeerState, RemotePeerTrigger, RemotePeerEffect, RemotePeerContext>("RemotePeer", RemotePeerState.Idle);

        b.In(RemotePeerState.Idle)
            .Deadline("a connection is created in the same step the peer is found")
            .On(RemotePeerTrigger.ConnectionCreated).GoTo(RemotePeerState.Connecting);

        b.In(RemotePeerState.Connecting)
            .Deadline("connect timeout")
            .OnEnter(RemotePeerEffect.ArmConnectTimeout)
            .OnExit(RemotePeerEffect.CancelAttemptTimeout)
            .On(RemotePeerTrigger.IceConnected).GoTo(RemotePeerState.Connected)
            .Ignore(RemotePeerTrigger.IceDisconnected, "not connected yet; the connect timeout bounds it")
            .Ignore(RemotePeerTrigger.AddressChanged, "the first connect gathers on the new address; the connect timeout bounds it")
            .Ignore(RemotePeerTrigger.NetworkOnline, "the first connect is still tried; the connect timeout bounds it")
            .On(RemotePeerTrigger.IceFailed).GoTo(RemotePeerState.Reconnecting, RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.AttemptTimedOut).GoTo(RemotePeerState.Reconnecting, RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.ConnectionRebuilt).GoTo(RemotePeerState.Connecting)
            .On(RemotePeerTrigger.RejoinAwaited).GoTo(RemotePeerState.Reconnecting)
            .On(RemotePeerTrigger.PeerLeft).GoTo(RemotePeerState.Closed)
            .On(RemotePeerTrigger.LocalShutdown).GoTo(RemotePeerState.Closed);

        b.In(RemotePeerState.Connected)
            .Stable("media flows; ICE consent reports a loss")
            .OnEnter(RemotePeerEffect.EndEpisode)
            .Ignore(RemotePeerTrigger.IceConnected, "already connected")
            .On(RemotePeerTrigger.IceDisconnected).GoTo(RemotePeerState.Reconnecting, RemotePeerEffect.StartGrace)
            .On(RemotePeerTrigger.IceFailed).GoTo(RemotePeerState.Reconnecting, RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.AddressChanged).GoTo(RemotePeerState.Reconnecting, RemotePeerEffect.StartLadder)
            .Ignore(RemotePeerTrigger.NetworkOnline, "media flows; ICE consent reports a loss")
            .On(RemotePeerTrigger.ConnectionRebuilt).GoTo(RemotePeerState.Reconnecting, RemotePeerEffect.ArmConnectTimeout)
            .On(RemotePeerTrigger.RejoinAwaited).GoTo(RemotePeerState.Reconnecting)
            .On(RemotePeerTrigger.PeerLeft).GoTo(RemotePeerState.Closed)
            .On(RemotePeerTrigger.LocalShutdown).GoTo(RemotePeerState.Closed);

        b.In(RemotePeerState.Reconnecting)
            .Deadline("the ICE restart ladder and its last attempt's timeout, or the wait for a rejoin")
            .On(RemotePeerTrigger.IceConnected).GoTo(RemotePeerState.Connected)
            .Ignore(RemotePeerTrigger.IceDisconnected, "already reconnecting")
            .On(RemotePeerTrigger.IceFailed).If(c => c.OnLastAttempt, "last attempt failed")
                .GoTo(RemotePeerState.Closed, RemotePeerEffect.RaiseExhausted)
            .On(RemotePeerTrigger.IceFailed).If(c => !c.OnLastAttempt && c.LadderRunning, "ladder running").Stay()
            .On(RemotePeerTrigger.IceFailed).If(c => !c.OnLastAttempt && !c.LadderRunning, "ladder idle").Stay(RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.GraceExpired).Stay(RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.RestartDue).Stay(RemotePeerEffect.RunDueAttempt)
            .On(RemotePeerTrigger.AddressChanged).If(c => c.InGrace, "in grace").Stay(RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.AddressChanged).If(c => !c.InGrace && c.AttemptMade && !c.OnLastAttempt, "attempts left")
                .Stay(RemotePeerEffect.RunDueAttempt)
            .Ignore(RemotePeerTrigger.AddressChanged, "no attempt to bring forward")
            .On(RemotePeerTrigger.NetworkOnline).If(c => c.InGrace, "in grace").Stay(RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.NetworkOnline).If(c => !c.InGrace && c.AttemptMade && !c.OnLastAttempt, "attempts left")
                .Stay(RemotePeerEffect.RunDueAttempt)
            .Ignore(RemotePeerTrigger.NetworkOnline, "no attempt to bring forward")
            .On(RemotePeerTrigger.AttemptTimedOut).If(c => c.OnLastAttempt, "last attempt")
                .GoTo(RemotePeerState.Closed, RemotePeerEffect.RaiseExhausted)
            .On(RemotePeerTrigger.AttemptTimedOut).If(c => !c.OnLastAttempt, "attempts left").Stay(RemotePeerEffect.StartLadder)
            .On(RemotePeerTrigger.ConnectionRebuilt).Stay(RemotePeerEffect.EndEpisode, RemotePeerEffect.ArmConnectTimeout)
            .On(RemotePeerTrigger.RejoinAwaited).Stay(RemotePeerEffect.EndEpisode)
            .On(RemotePeerTrigger.PeerLeft).GoTo(RemotePeerState.Closed)
            .On(RemotePeerTrigger.LocalShutdown).GoTo(RemotePeerState.Closed);

        b.In(RemotePeerState.Closed)
            .Terminal("closed for good; a new RemotePeer replaces it if the peer is still there")
            .OnEnter(RemotePeerEffect.CloseMedia)
            .Ignore(RemotePeerTrigger.AddressChanged, "closed")
            .Ignore(RemotePeerTrigger.NetworkOnline, "closed")
            .Ignore(RemotePeerTrigger.PeerLeft, "closed")
            .Ignore(RemotePeerTrigger.LocalShutdown, "closed");

        return b.Build();
    }
}

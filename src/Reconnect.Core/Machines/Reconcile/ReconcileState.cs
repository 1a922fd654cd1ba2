namespace Reconnect.Core.Engine;

/// <summary>The reconcile's states.</summary>
public enum ReconcileState
{
    /// <summary>No reconcile under way (no socket, or not joined).</summary>
    Idle,

    /// <summary>Welcomed; waiting for the full roster snapshot.</summary>
    AwaitingRoster,


    /// <summary>The identity map matches the roster.</summary>
    Done,

    /// <summary>The roster did not come after every retry; the error was raised and a few more requests go out before the socket is given up.</summary>
    TimedOut,
}

namespace Reconnect;

/// <summary>A remedy on a remote peer's escalation ladder, in the order they are tried.</summary>
public enum EscalationStepKind
{
    /// <summary>A new round began with a new ICE restart ladder, after the last step of the round before did not heal.</summary>
    IceRestart,

    /// <summary>A fresh media connection: a new generation under the same RemotePeer, renegotiated from scratch.</summary>
    FreshConnection,

    /// <summary>The signalling socket is dropped and reconnected, resuming the session; the reconcile rebuilds unhealthy connections.</summary>
    SocketResume,

    /// <summary>A full rejoin as a new session; the reconcile rebuilds every connection, and every RemotePeer keeps its identity.</summary>
    Rejoin,
}

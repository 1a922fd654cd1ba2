using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;

namespace Reconnect.Testing.Trace;

/// <summary>The lower-case kebab names states carry in a trace.</summary>
public static class TraceStateNames
{
    /// <summary>The trace name of a local peer state.</summary>
    public static string Of(LocalPeerState state) => state switch
    {
        LocalPeerState.Idle => "idle",
        LocalPeerState.Joining => "joining",
        LocalPeerState.Joined => "joined",
        LocalPeerState.Reconnecting => "reconnecting",
        LocalPeerState.Leaving => "leaving",
        LocalPeerState.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "A local peer state without a trace name."),
    };

    /// <summary>The trace name of a remote peer state.</summary>
    public static string Of(RemotePeerState state) => state switch
    {
        RemotePeerState.Idle => "idle",
        RemotePeerState.Connecting => "connecting",
        RemotePeerState.Connected => "connected",
        RemotePeerState.Reconnecting => "reconnecting",
        RemotePeerState.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "A remote peer state without a trace name."),
    };
}

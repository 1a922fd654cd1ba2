using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;

namespace Reconnect.Testing.Calls;

/// <summary>Whether a call of clients is whole, as their facades see it, in virtual or real time.</summary>
public static class CallWholeness
{
    /// <summary>True when every client, by its peer id, is joined and sees every other one as a connected remote peer.</summary>
    public static bool IsWhole(IEnumerable<KeyValuePair<string, ReconnectClient>> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var all = clients.ToList();
        return all.All(self =>
            self.Value.State == LocalPeerState.Joined
            && all.Where(other => other.Key != self.Key).All(other =>
                self.Value.RemotePeers.Any(p => p.Id == other.Key && p.State == RemotePeerState.Connected)));
    }
}

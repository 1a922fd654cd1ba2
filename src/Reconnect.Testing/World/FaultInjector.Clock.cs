using Reconnect.Core.Ports;

namespace Reconnect.Testing.World;

/// <summary>
/// Clock faults: a machine that sleeps (nothing on it runs and nothing tells it anything; its packets vanish both
/// ways as through a blackhole, the signalling frames waiting in retransmission) and learns it slept only when it
/// wakes; and a wall clock that steps while monotonic time runs on.
/// </summary>
internal sealed partial class FaultInjector
{
    private readonly Dictionary<string, int> _sleeps = new(StringComparer.Ordinal);

    /// <summary>The peer sleeps for the duration; nested sleeps wake it when the last one ends.</summary>
    private void Sleep(IFaultPeer peer, int durationMs)
    {
        var links = new[] { peer.Host.Signalling, peer.Host.Media };
        foreach (var link in links)
        {
            link.BeginBlackhole();
        }

        _sleeps[peer.Name] = _sleeps.GetValueOrDefault(peer.Name) + 1;
        peer.Sleep();
        Later(
            durationMs,
            () =>
            {
                foreach (var link in links)
                {
                    link.EndBlackhole();
                }

                if (--_sleeps[peer.Name] > 0)
                {
                    return;
                }

                peer.Wake();
                peer.Signal(NetworkChange.Online);
            },
            Label("wake", peer));
    }
}

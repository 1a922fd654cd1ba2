using Reconnect.Core.Engine;
using Reconnect.Core.Ports;

namespace Reconnect.Sim.World;

/// <summary>Clock faults: a machine that sleeps (nothing runs, no network) and wakes with its clock moved forward.</summary>
internal sealed partial class FaultInjector
{
    private readonly Dictionary<string, int> _sleeps = new(StringComparer.Ordinal);

    /// <summary>The peer sleeps for the duration; nested sleeps wake it when the last one ends.</summary>
    private void Sleep(SimPeer peer, int durationMs)
    {
        Net.BeginOutage(peer.Name);
        _sleeps[peer.Name] = _sleeps.GetValueOrDefault(peer.Name) + 1;
        peer.Pump.Pause();
        Later(
            durationMs,
            () =>
            {
                var online = Net.EndOutage(peer.Name);
                if (--_sleeps[peer.Name] > 0)
                {
                    return;
                }

                peer.Pump.Resume();
                if (online)
                {
                    Signal(peer, NetworkChange.Online);
                }
            },
            Label("wake", peer));
    }
}

using Reconnect.Core.Ports;
using Reconnect.Testing.Network;
using Reconnect.Testing.Scenarios;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.World;

/// <summary>Network faults: outages, blackouts, cuts both ways or one way, loss one way, address changes, latency and loss.</summary>
internal sealed partial class FaultInjector
{
    private SimNetwork Net => _world.Network;

    private void Offline(IFaultPeer peer, int? durationMs)
    {
        if (Net.BeginOutage(peer.Name))
        {
            peer.Signal(NetworkChange.Offline);
        }

        Later(
            durationMs,
            () =>
            {
                if (Net.EndOutage(peer.Name))
                {
                    peer.Signal(NetworkChange.Online);
                }
            },
            Label("offline", peer));
    }

    private void SignallingDrop(IFaultPeer peer, int? durationMs)
    {
        peer.Host.Signalling.Block();
        peer.Signalling.ConnectionReset();
        Later(durationMs, peer.Host.Signalling.Unblock, Label("signalling-drop", peer));
    }

    private void MediaDrop(IFaultPeer peer, string? other, int? durationMs)
    {
        if (other is not null)
        {
            Partition(peer, other, durationMs);
            return;
        }

        peer.Host.Media.Block();
        Later(durationMs, peer.Host.Media.Unblock, Label("media-drop", peer));
    }

    /// <summary>
    /// Every packet of the plane(s) vanishes both ways; unlike signalling-drop nothing tells either end, and the
    /// signalling socket stays open (its frames are retransmitted until the blackhole ends or a timer gives up).
    /// </summary>
    private void Blackhole(IFaultPeer peer, FaultPlane? plane, int? durationMs)
    {
        var links = FaultPlanes.Planes(plane).Select(peer.Host.Link).ToList();
        links.ForEach(link => link.BeginBlackhole());
        Later(durationMs, () => links.ForEach(link => link.EndBlackhole()), Label("blackhole", peer));
    }

    private void Partition(IFaultPeer peer, string other, int? durationMs)
    {
        Net.Cut(peer.Name, other);
        Net.Cut(other, peer.Name);
        Later(
            durationMs,
            () =>
            {
                Net.Mend(peer.Name, other);
                Net.Mend(other, peer.Name);
            },
            Label("partition", peer));
    }

    private void OneWayPartition(IFaultPeer peer, string other, FaultDirection? direction, int? durationMs)
    {
        var (from, to) = direction == FaultDirection.Inbound ? (other, peer.Name) : (peer.Name, other);
        Net.Cut(from, to);
        Later(durationMs, () => Net.Mend(from, to), Label("one-way-partition", peer));
    }

    private void OneWayLoss(IFaultPeer peer, FaultSpec fault)
    {
        var plane = fault.Plane?.ToTrafficPlane();
        var loss = fault.Direction == FaultDirection.Inbound
            ? new DirectedLoss(fault.Other, peer.Name, plane, fault.Loss ?? 0)
            : new DirectedLoss(peer.Name, fault.Other, plane, fault.Loss ?? 0);
        Net.AddLoss(loss);
        Later(fault.DurationMs, () => Net.RemoveLoss(loss), Label("one-way-loss", peer));
    }

    private void IpChange(IFaultPeer peer)
    {
        Net.ChangeAddress(peer.Name);
        peer.Signalling.ConnectionReset();
        peer.Signal(NetworkChange.AddressChanged);
    }

    private void Latency(IFaultPeer? peer, FaultSpec fault)
    {
        foreach (var link in Links(peer, fault.Plane))
        {
            link.LatencyMs = fault.LatencyMs ?? link.LatencyMs;
            link.JitterMs = fault.JitterMs ?? link.JitterMs;
        }
    }

    private void Loss(IFaultPeer? peer, FaultSpec fault)
    {
        foreach (var link in Links(peer, fault.Plane))
        {
            link.Loss = fault.Loss ?? link.Loss;
        }
    }

    /// <summary>The links a latency or loss fault changes: the peer's, or every peer's (never the server's own), on its plane(s).</summary>
    private IEnumerable<SimLink> Links(IFaultPeer? peer, FaultPlane? plane)
    {
        var hosts = peer is null ? Net.Hosts.Where(h => h.Name != SimWorld.ServerHost) : [peer.Host];
        var planes = FaultPlanes.Planes(plane);
        return hosts.SelectMany(host => planes.Select(host.Link));
    }
}

using System.Globalization;

namespace Reconnect.Sim.Network;

/// <summary>A simulated host: its address, its link to the network, and the faults on it.</summary>
public sealed class SimHost
{
    private int _addressVersion = 1;
    private string _address;

    internal SimHost(string name, int index, int latencyMs, int jitterMs, double loss)
    {
        Name = name;
        Index = index;
        LatencyMs = latencyMs;
        JitterMs = jitterMs;
        Loss = loss;
        _address = MakeAddress();
    }

    /// <summary>The host's name (the peer's scenario name, or "server").</summary>
    public string Name { get; }

    /// <summary>The host's position, which makes its addresses unique.</summary>
    public int Index { get; }

    /// <summary>True when the host has a network.</summary>
    public bool Online { get; internal set; } = true;

    /// <summary>The host's current address.</summary>
    public string Address => _address;

    /// <summary>One-way latency of the host's link, in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Uniform jitter added to the link's latency, in milliseconds.</summary>
    public int JitterMs { get; set; }

    /// <summary>The probability a media packet on the host's link is lost.</summary>
    public double Loss { get; set; }

    /// <summary>True while the signalling plane alone is broken on this host.</summary>
    public bool SignallingBlocked { get; set; }

    /// <summary>True while the media plane alone is broken on this host.</summary>
    public bool MediaBlocked { get; set; }

    /// <summary>True while the host sleeps: media to and from it is lost, signalling to it waits for the wake (TCP retransmits).</summary>
    public bool Asleep { get; internal set; }

    internal void ChangeAddress()
    {
        _addressVersion++;
        _address = MakeAddress();
    }

    private string MakeAddress() => string.Create(CultureInfo.InvariantCulture, $"10.{Index}.{_addressVersion}.1");
}

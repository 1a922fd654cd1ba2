using System.Globalization;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.Network;

/// <summary>
/// A simulated host: its address, its link to the network (one <see cref="SimLink"/> per plane), and the
/// outages on it. Outages are counted, so an outage nested in another ends only when both have ended.
/// </summary>
public sealed class SimHost
{
    private int _addressVersion = 1;
    private string _address;
    private int _outages;

    internal SimHost(string name, int index, int latencyMs, int jitterMs, double loss)
    {
        Name = name;
        Index = index;
        Signalling = new SimLink(latencyMs, jitterMs, loss);
        Media = new SimLink(latencyMs, jitterMs, loss);
        _address = MakeAddress();
    }

    /// <summary>The host's name (the peer's scenario name, or "server").</summary>
    public string Name { get; }

    /// <summary>The host's position, which makes its addresses unique.</summary>
    public int Index { get; }

    /// <summary>True when the host has a network: no outage is in force.</summary>
    public bool Online => _outages == 0;

    /// <summary>How many outages are in force on the host.</summary>
    public int Outages => _outages;

    /// <summary>The host's current address.</summary>
    public string Address => _address;

    /// <summary>The signalling plane of the host's link.</summary>
    public SimLink Signalling { get; }

    /// <summary>The media plane of the host's link.</summary>
    public SimLink Media { get; }

    /// <summary>The link of one plane.</summary>
    public SimLink Link(TrafficPlane plane) => plane == TrafficPlane.Signalling ? Signalling : Media;

    /// <summary>Starts an outage; true when the host was online until now.</summary>
    internal bool BeginOutage() => ++_outages == 1;

    /// <summary>Ends an outage; true when the host is online again (no other outage is in force).</summary>
    internal bool EndOutage()
    {
        if (_outages == 0)
        {
            throw new InvalidOperationException($"An outage of {Name} ended that never began.");
        }

        return --_outages == 0;
    }

    /// <summary>Ends every outage and blackout and puts both planes back to the host's first settings.</summary>
    internal void Restore()
    {
        _outages = 0;
        Signalling.Restore();
        Media.Restore();
    }

    internal void ChangeAddress()
    {
        _addressVersion++;
        _address = MakeAddress();
    }

    private string MakeAddress() => string.Create(CultureInfo.InvariantCulture, $"10.{Index}.{_addressVersion}.1");
}

namespace Reconnect.Transports.InMemory;

/// <summary>Finds the in-memory media port on each host, so a packet that reached a host reaches its agent.</summary>
public sealed class InMemoryMediaDirectory
{
    private readonly Dictionary<string, InMemoryMediaPort> _ports = new(StringComparer.Ordinal);

    /// <summary>Registers a host's port.</summary>
    public void Register(InMemoryMediaPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        _ports[port.Host] = port;
    }

    internal void Deliver(string host, MediaPacket packet)
    {
        if (_ports.TryGetValue(host, out var port))
        {
            port.Receive(packet);
        }
    }
}

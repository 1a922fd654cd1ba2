using Reconnect.Testing.Time;
using Reconnect.Transports.InMemory;

namespace Reconnect.Transports.Tests.Client.Support;

/// <summary>
/// A small fabric for client tests: every path takes 10 ms of virtual time, in order, or is delivered at once on the
/// sender's thread when there is no virtual clock. A host's media plane can be blocked.
/// </summary>
internal sealed class TestFabric(VirtualTimeProvider? clock) : IInMemoryFabric
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(10);

    private readonly SortedDictionary<string, TestHost> _hosts = new(StringComparer.Ordinal);

    public TimeProvider Time => clock ?? TimeProvider.System;

    public void AddHost(string name) => _hosts.Add(name, new TestHost(name, $"10.0.0.{_hosts.Count + 1}"));

    public void BlockMedia(string host, bool blocked) => _hosts[host].MediaBlocked = blocked;

    public bool IsOnline(string host) => _hosts.ContainsKey(host);

    public string AddressOf(string host) => _hosts[host].Address;

    public bool Send(string fromHost, string toHost, TrafficPlane plane, Action deliver)
    {
        if (!PathUp(fromHost, toHost, plane))
        {
            return false;
        }

        if (clock is null)
        {
            deliver();
            return true;
        }

        clock.Schedule(
            Latency,
            () =>
            {
                if (PathUp(fromHost, toHost, plane))
                {
                    deliver();
                }
            },
            $"{plane} {fromHost}->{toHost}");
        return true;
    }

    public bool SendToAddress(string fromHost, string fromAddress, string toAddress, Action<string> deliver)
    {
        var target = _hosts.Values.FirstOrDefault(h => h.Address == toAddress);
        return _hosts[fromHost].Address == fromAddress
            && target is not null
            && Send(fromHost, target.Name, TrafficPlane.Media, () => deliver(target.Name));
    }

    private bool PathUp(string from, string to, TrafficPlane plane)
    {
        var a = _hosts[from];
        var b = _hosts[to];
        return plane == TrafficPlane.Signalling || (!a.MediaBlocked && !b.MediaBlocked);
    }

    private sealed class TestHost(string name, string address)
    {
        public string Name { get; } = name;

        public string Address { get; } = address;

        public bool MediaBlocked { get; set; }
    }
}

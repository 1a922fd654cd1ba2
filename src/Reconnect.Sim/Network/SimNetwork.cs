using Reconnect.Core.Time;
using Reconnect.Sim.Time;
using Reconnect.Transports.InMemory;

namespace Reconnect.Sim.Network;

/// <summary>
/// The simulated network, in virtual time: hosts, links with latency, jitter and loss, partitions, hosts
/// going offline, addresses changing, and one plane failing alone. Every delivery is a scheduled item.
/// </summary>
public sealed class SimNetwork : IInMemoryFabric
{
    private readonly VirtualTimeProvider _time;
    private readonly DeterministicRandom _random;
    private readonly SortedDictionary<string, SimHost> _hosts = new(StringComparer.Ordinal);
    private readonly SortedSet<(string, string)> _partitions = [];
    private readonly Dictionary<(string, string), TimeSpan> _lastSignallingArrival = [];
    private readonly Dictionary<(string, string), Queue<Action>> _signallingInFlight = [];
    private readonly Dictionary<string, List<Action>> _heldForSleepers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimHost> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string, TrafficPlane), string> _labels = [];

    /// <summary>Creates a network on a virtual clock with a random source for jitter and loss.</summary>
    public SimNetwork(VirtualTimeProvider time, DeterministicRandom random)
    {
        _time = time;
        _random = random;
    }

    /// <summary>Raised when a host goes offline.</summary>
    public event EventHandler<SimHost>? HostWentOffline;

    /// <inheritdoc />
    public TimeProvider Time => _time;

    /// <summary>Every host, by name.</summary>
    public IReadOnlyCollection<SimHost> Hosts => _hosts.Values;

    /// <summary>Adds a host with a link.</summary>
    public SimHost AddHost(string name, int latencyMs, int jitterMs, double loss)
    {
        var host = new SimHost(name, _hosts.Count + 1, latencyMs, jitterMs, loss);
        _hosts.Add(name, host);
        _byAddress[host.Address] = host;
        return host;
    }

    /// <summary>A host by name.</summary>
    public SimHost Host(string name) => _hosts[name];

    /// <summary>Takes a host off the network or puts it back.</summary>
    public void SetOnline(string host, bool online)
    {
        var h = _hosts[host];
        if (h.Online == online)
        {
            return;
        }

        h.Online = online;
        if (!online)
        {
            HostWentOffline?.Invoke(this, h);
        }
    }

    /// <summary>
    /// Puts a host to sleep or wakes it, without telling anything on it: while it sleeps its media is lost and the
    /// signalling frames that reach it wait, in order, to be delivered when it wakes, as TCP would retransmit them.
    /// </summary>
    public void SetAsleep(string host, bool asleep)
    {
        var h = _hosts[host];
        h.Asleep = asleep;
        if (asleep || !_heldForSleepers.Remove(host, out var held))
        {
            return;
        }

        foreach (var deliver in held)
        {
            deliver();
        }
    }

    /// <summary>Gives a host a new address (Wi-Fi to cellular): media bound to the old one stops.</summary>
    public void ChangeAddress(string host)
    {
        var h = _hosts[host];
        _byAddress.Remove(h.Address);
        h.ChangeAddress();
        _byAddress[h.Address] = h;
    }

    /// <summary>Cuts or restores every path between two hosts.</summary>
    public void SetPartition(string a, string b, bool cut)
    {
        var key = Key(a, b);
        if (cut)
        {
            _partitions.Add(key);
        }
        else
        {
            _partitions.Remove(key);
        }
    }

    /// <summary>Removes every fault: hosts online, planes unblocked, partitions gone.</summary>
    public void Heal()
    {
        foreach (var host in _hosts.Values.Where(h => h.Asleep).ToList())
        {
            SetAsleep(host.Name, false);
        }

        foreach (var host in _hosts.Values)
        {
            host.Online = true;
            host.SignallingBlocked = false;
            host.MediaBlocked = false;
        }

        _partitions.Clear();
    }

    /// <inheritdoc />
    public bool IsOnline(string host) => _hosts[host].Online;

    /// <inheritdoc />
    public string AddressOf(string host) => _hosts[host].Address;

    /// <inheritdoc />
    public bool Send(string fromHost, string toHost, TrafficPlane plane, Action deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        if (!PathUp(fromHost, toHost, plane))
        {
            return false;
        }

        var from = _hosts[fromHost];
        var to = _hosts[toHost];
        if (plane == TrafficPlane.Media && (from.Loss > 0 || to.Loss > 0))
        {
            var keep = (1 - from.Loss) * (1 - to.Loss);
            if (_random.NextDouble() >= keep)
            {
                return false;
            }
        }

        var delay = TimeSpan.FromMilliseconds(from.LatencyMs + to.LatencyMs + Jitter(from) + Jitter(to));
        if (plane == TrafficPlane.Signalling)
        {
            var arrival = _time.Elapsed + delay;
            if (_lastSignallingArrival.TryGetValue((fromHost, toHost), out var last) && last > arrival)
            {
                arrival = last;
            }

            _lastSignallingArrival[(fromHost, toHost)] = arrival;
            delay = arrival - _time.Elapsed;
        }

        var take = plane == TrafficPlane.Signalling ? InOrder(fromHost, toHost, deliver) : () => deliver;
        _time.Schedule(
            delay,
            () =>
            {
                var next = take();
                if (!PathUp(fromHost, toHost, plane))
                {
                    return;
                }

                if (plane == TrafficPlane.Signalling && _hosts[toHost].Asleep)
                {
                    HoldFor(toHost, () =>
                    {
                        if (PathUp(fromHost, toHost, plane))
                        {
                            next();
                        }
                    });
                    return;
                }

                next();
            },
            Label(fromHost, toHost, plane));
        return true;
    }

    /// <summary>
    /// Queues a signalling delivery behind the earlier ones of its pair of hosts; each arrival takes the oldest, so
    /// the same-instant chooser may order arrivals but never swaps two frames of one stream.
    /// </summary>
    private Func<Action> InOrder(string fromHost, string toHost, Action deliver)
    {
        if (!_signallingInFlight.TryGetValue((fromHost, toHost), out var queue))
        {
            queue = new Queue<Action>();
            _signallingInFlight[(fromHost, toHost)] = queue;
        }

        queue.Enqueue(deliver);
        return queue.Dequeue;
    }

    /// <inheritdoc />
    public bool SendToAddress(string fromHost, string fromAddress, string toAddress, Action<string> deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        if (_hosts[fromHost].Address != fromAddress)
        {
            return false;
        }

        if (!_byAddress.TryGetValue(toAddress, out var target))
        {
            return false;
        }

        return Send(fromHost, target.Name, TrafficPlane.Media, () =>
        {
            if (target.Address == toAddress && _hosts[fromHost].Address == fromAddress)
            {
                deliver(target.Name);
            }
        });
    }

    private void HoldFor(string host, Action deliver)
    {
        if (!_heldForSleepers.TryGetValue(host, out var held))
        {
            held = [];
            _heldForSleepers[host] = held;
        }

        held.Add(deliver);
    }

    private bool PathUp(string a, string b, TrafficPlane plane)
    {
        var from = _hosts[a];
        var to = _hosts[b];
        if (!from.Online || !to.Online || _partitions.Contains(Key(a, b)))
        {
            return false;
        }

        if (plane == TrafficPlane.Media && (from.Asleep || to.Asleep))
        {
            return false;
        }

        return plane == TrafficPlane.Signalling
            ? !from.SignallingBlocked && !to.SignallingBlocked
            : !from.MediaBlocked && !to.MediaBlocked;
    }

    private string Label(string from, string to, TrafficPlane plane)
    {
        if (!_labels.TryGetValue((from, to, plane), out var label))
        {
            label = plane == TrafficPlane.Signalling ? $"sig {from}->{to}" : $"media {from}->{to}";
            _labels[(from, to, plane)] = label;
        }

        return label;
    }

    private int Jitter(SimHost host) => host.JitterMs <= 0 ? 0 : _random.NextInt(0, host.JitterMs + 1);

    private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}

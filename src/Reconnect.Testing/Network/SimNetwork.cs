using Reconnect.Core.Time;
using Reconnect.Testing.Time;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.Network;

/// <summary>
/// The simulated network, in virtual time: hosts, links with latency, jitter and loss per plane, partitions both
/// ways or one way, loss one way, hosts going offline, addresses changing, and one plane failing alone. Every
/// fault is counted, so faults of one kind nest: the inner one ending leaves the outer one in force. Every
/// delivery is a scheduled item. Signalling is ordered and reliable per socket, like TCP (<see cref="SignallingStream"/>):
/// a lost frame, or one sent into a blackhole or a cut path, is retransmitted, so it arrives late and in order; only a
/// host going offline or a reset route (signalling-drop) loses frames, together with the socket they belonged to.
/// Media is like UDP: lost, blackholed, blocked or cut packets are dropped.
/// </summary>
public sealed class SimNetwork : IInMemoryFabric
{
    /// <summary>The first retransmission timeout of a lost signalling frame, before the path's round trip is added.</summary>
    public static readonly TimeSpan MinRetransmissionTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest retransmission timeout (as TCP's): each loss or hold of the same frame doubles it up to this.</summary>
    public static readonly TimeSpan MaxRetransmissionTimeout = TimeSpan.FromSeconds(120);

    /// <summary>How many times one signalling frame is lost to random loss at most before it gets through.</summary>
    public const int MaxRetransmissions = 6;

    private readonly VirtualTimeProvider _time;
    private readonly DeterministicRandom _random;
    private readonly SortedDictionary<string, SimHost> _hosts = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string From, string To), int> _cuts = [];
    private readonly List<DirectedLoss> _losses = [];
    private readonly Dictionary<(string From, string To, long Socket), SignallingStream> _streams = [];
    private readonly Dictionary<string, SimHost> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string, TrafficPlane), string> _labels = [];

    /// <summary>Creates a network on a virtual clock whose jitter and loss follow <paramref name="seed"/>.</summary>
    public SimNetwork(VirtualTimeProvider time, ulong seed)
        : this(time, DeterministicRandom.FromSeed(seed))
    {
    }

    /// <summary>Creates a network on a virtual clock with a random source for jitter and loss.</summary>
    internal SimNetwork(VirtualTimeProvider time, DeterministicRandom random)
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

    /// <summary>
    /// Starts an outage of a host (counted); true, and <see cref="HostWentOffline"/> raised, when it was online until now.
    /// </summary>
    public bool BeginOutage(string host)
    {
        var h = _hosts[host];
        if (!h.BeginOutage())
        {
            return false;
        }

        HostWentOffline?.Invoke(this, h);
        return true;
    }

    /// <summary>Ends one outage of a host; true when it is online again (no other outage is in force).</summary>
    public bool EndOutage(string host) => _hosts[host].EndOutage();

    /// <summary>Gives a host a new address (Wi-Fi to cellular): media bound to the old one stops.</summary>
    public void ChangeAddress(string host)
    {
        var h = _hosts[host];
        _byAddress.Remove(h.Address);
        h.ChangeAddress();
        _byAddress[h.Address] = h;
    }

    /// <summary>Cuts the path from one host to another, one way (counted): packets from <paramref name="from"/> to <paramref name="to"/> vanish.</summary>
    public void Cut(string from, string to)
    {
        var key = (from, to);
        _cuts[key] = _cuts.GetValueOrDefault(key) + 1;
    }

    /// <summary>Ends one cut of the path from one host to another; the path works again when no other cut of it is in force.</summary>
    public void Mend(string from, string to)
    {
        var key = (from, to);
        if (!_cuts.TryGetValue(key, out var count))
        {
            throw new InvalidOperationException($"A cut from {from} to {to} ended that never began.");
        }

        if (count == 1)
        {
            _cuts.Remove(key);
        }
        else
        {
            _cuts[key] = count - 1;
        }
    }

    /// <summary>True while the path from one host to another is cut.</summary>
    public bool IsCut(string from, string to) => _cuts.Count != 0 && _cuts.ContainsKey((from, to));

    /// <summary>The directed losses in force, in the order they began.</summary>
    public IReadOnlyList<DirectedLoss> Losses => _losses;

    /// <summary>Adds loss on packets travelling one way; <see cref="RemoveLoss"/> with an equal value ends it.</summary>
    public void AddLoss(DirectedLoss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        _losses.Add(loss);
    }

    /// <summary>Ends one directed loss equal to <paramref name="loss"/>.</summary>
    public void RemoveLoss(DirectedLoss loss)
    {
        if (!_losses.Remove(loss))
        {
            throw new InvalidOperationException($"A loss ended that never began: {loss}.");
        }
    }

    /// <summary>Removes every fault: outages, blackouts, cuts and directed losses end, every link returns to its first settings.</summary>
    public void Heal()
    {
        foreach (var host in _hosts.Values)
        {
            host.Restore();
        }

        _cuts.Clear();
        _losses.Clear();
    }

    /// <inheritdoc />
    public bool IsOnline(string host) => _hosts[host].Online;

    /// <inheritdoc />
    public string AddressOf(string host) => _hosts[host].Address;

    /// <inheritdoc />
    public bool Send(string fromHost, string toHost, TrafficPlane plane, Action deliver) => Send(fromHost, toHost, plane, 0, deliver);

    /// <inheritdoc />
    public bool SendOnSocket(string fromHost, string toHost, long socket, Action deliver) =>
        Send(fromHost, toHost, TrafficPlane.Signalling, socket, deliver);

    private bool Send(string fromHost, string toHost, TrafficPlane plane, long socket, Action deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        if (!PathUp(fromHost, toHost, plane))
        {
            return false;
        }

        var from = _hosts[fromHost].Link(plane);
        var to = _hosts[toHost].Link(plane);
        var keep = Keep(fromHost, toHost, plane);
        if (plane == TrafficPlane.Media && keep < 1 && _random.NextDouble() >= keep)
        {
            return false;
        }

        var delay = TimeSpan.FromMilliseconds(from.LatencyMs + to.LatencyMs + Jitter(from) + Jitter(to));
        if (plane == TrafficPlane.Signalling)
        {
            var firstTimeout = MinRetransmissionTimeout + delay + delay;
            Stream(fromHost, toHost, socket).Send(_time.Elapsed + delay + Retransmissions(keep, firstTimeout), firstTimeout, deliver);
            return true;
        }

        _time.Schedule(
            delay,
            () =>
            {
                if (PathUp(fromHost, toHost, plane))
                {
                    deliver();
                }
            },
            Label(fromHost, toHost, plane));
        return true;
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

    /// <summary>
    /// True when a packet can leave now: for media, every fault stops it; for signalling, only an offline host or a
    /// reset route does (a blackhole or a cut holds frames in their stream instead).
    /// </summary>
    private bool PathUp(string a, string b, TrafficPlane plane) =>
        plane == TrafficPlane.Signalling ? SignallingPath(a, b) != SignallingPathState.Dropped : MediaPathUp(a, b);

    private bool MediaPathUp(string a, string b)
    {
        var from = _hosts[a];
        var to = _hosts[b];
        return from.Online && to.Online && !IsCut(a, b) && Passes(from.Media) && Passes(to.Media);
    }

    private static bool Passes(SimLink link) => !link.Blocked && !link.Blackholed;

    private SignallingPathState SignallingPath(string a, string b)
    {
        var from = _hosts[a];
        var to = _hosts[b];
        if (!from.Online || !to.Online || from.Signalling.Blocked || to.Signalling.Blocked)
        {
            return SignallingPathState.Dropped;
        }

        return IsCut(a, b) || from.Signalling.Blackholed || to.Signalling.Blackholed ? SignallingPathState.Held : SignallingPathState.Up;
    }

    /// <summary>The stream of one socket between two hosts (socket 0: signalling sent outside any socket).</summary>
    private SignallingStream Stream(string from, string to, long socket)
    {
        if (!_streams.TryGetValue((from, to, socket), out var stream))
        {
            stream = new SignallingStream(_time, Label(from, to, TrafficPlane.Signalling), () => SignallingPath(from, to));
            _streams[(from, to, socket)] = stream;
        }

        return stream;
    }

    /// <summary>The probability a packet from one host to another on a plane gets through on its first try.</summary>
    private double Keep(string from, string to, TrafficPlane plane)
    {
        var keep = (1 - _hosts[from].Link(plane).Loss) * (1 - _hosts[to].Link(plane).Loss);
        foreach (var loss in _losses)
        {
            if (loss.Applies(from, to, plane))
            {
                keep *= 1 - loss.Loss;
            }
        }

        return keep;
    }

    /// <summary>
    /// How much later a signalling frame arrives for being lost and retransmitted: each loss (drawn only when the
    /// path is lossy) costs a retransmission timeout, which starts at <paramref name="firstTimeout"/> (the minimum plus
    /// the round trip) and doubles up to the maximum, for at most <see cref="MaxRetransmissions"/> losses.
    /// </summary>
    private TimeSpan Retransmissions(double keep, TimeSpan firstTimeout)
    {
        var late = TimeSpan.Zero;
        if (keep >= 1)
        {
            return late;
        }

        var timeout = firstTimeout;
        for (var lost = 0; lost < MaxRetransmissions && _random.NextDouble() >= keep; lost++)
        {
            late += timeout;
            timeout = timeout + timeout > MaxRetransmissionTimeout ? MaxRetransmissionTimeout : timeout + timeout;
        }

        return late;
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

    private int Jitter(SimLink link) => link.JitterMs <= 0 ? 0 : _random.NextInt(0, link.JitterMs + 1);
}

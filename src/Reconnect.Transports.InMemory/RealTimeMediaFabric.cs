using Reconnect.Hosting;

namespace Reconnect.Transports.InMemory;

/// <summary>
/// In-memory media between clients of one process in real time (demos and end-to-end tests): every host has an
/// address of its own, and a packet is delivered on the thread pool, as over a lossless loopback. A host can be taken
/// offline (<see cref="BeginOutage"/>), as the simulator's <c>offline</c> fault does: every packet to or from it is
/// dropped, at once when sent and on arrival when sent before, and its media connections lose their local candidate
/// as on a real link down. The in-memory ports are single-threaded, so all media work (the engines' calls into the
/// ports, deliveries, outages and the ports' timers) runs under one lock of this fabric.
/// </summary>
public sealed class RealTimeMediaFabric : IInMemoryFabric
{
    private readonly Lock _gate = new();
    private readonly InMemoryMediaDirectory _directory = new();
    private readonly SortedDictionary<string, string> _addresses = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, InMemoryMediaPort> _ports = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _outages = new(StringComparer.Ordinal);

    /// <summary>Creates the fabric on <paramref name="time"/> (the system clock by default).</summary>
    public RealTimeMediaFabric(TimeProvider? time = null) => Time = new SerializedTime(time ?? TimeProvider.System, _gate);

    /// <inheritdoc />
    public TimeProvider Time { get; }

    /// <summary>Creates the media port of a new host on this fabric, for a transport factory's <c>CreateMediaPort</c>.</summary>
    /// <exception cref="ArgumentException">The host already has a port.</exception>
    public IMediaPort CreatePort(string host, IEngineInputSink sink)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        lock (_gate)
        {
            if (!_addresses.TryAdd(host, $"10.1.0.{_addresses.Count + 1}"))
            {
                throw new ArgumentException($"Host '{host}' already has a media port on this fabric.", nameof(host));
            }

            var port = new InMemoryMediaPort(this, host, _directory, sink);
            _ports.Add(host, port);
            return new SerializedMediaPort(port, _gate);
        }
    }

    /// <summary>
    /// Takes a host offline (outages are counted: it is back only when every outage begun has ended). When it was
    /// online until now, its media connections lose their local candidate and every pair on it and report ICE failed
    /// at once, as an agent does when its network goes away; only an ICE restart or a rebuilt connection, which
    /// gathers again once the host is back, carries media again. True when the host was online until now.
    /// </summary>
    /// <exception cref="ArgumentException">The host has no media port on this fabric.</exception>
    public bool BeginOutage(string host)
    {
        lock (_gate)
        {
            var port = PortOf(host);
            var outages = _outages.GetValueOrDefault(host) + 1;
            _outages[host] = outages;
            if (outages > 1)
            {
                return false;
            }

            port.NetworkLost();
            return true;
        }
    }

    /// <summary>Ends one outage of a host; true when it is online again (no other outage is in force).</summary>
    /// <exception cref="ArgumentException">The host has no media port on this fabric.</exception>
    /// <exception cref="InvalidOperationException">No outage of the host is in force.</exception>
    public bool EndOutage(string host)
    {
        lock (_gate)
        {
            PortOf(host);
            if (!_outages.TryGetValue(host, out var outages))
            {
                throw new InvalidOperationException($"An outage of {host} ended that never began.");
            }

            if (outages > 1)
            {
                _outages[host] = outages - 1;
                return false;
            }

            _outages.Remove(host);
            return true;
        }
    }

    /// <inheritdoc />
    public bool IsOnline(string host)
    {
        lock (_gate)
        {
            return _addresses.ContainsKey(host) && !_outages.ContainsKey(host);
        }
    }

    /// <inheritdoc />
    public string AddressOf(string host)
    {
        lock (_gate)
        {
            return _addresses[host];
        }
    }

    /// <inheritdoc />
    public bool Send(string fromHost, string toHost, TrafficPlane plane, Action deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        lock (_gate)
        {
            if (!PathUp(fromHost, toHost))
            {
                return false;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(
            state => state.Fabric.Arrive(state.From, state.To, state.Deliver),
            (Fabric: this, From: fromHost, To: toHost, Deliver: deliver),
            preferLocal: false);
        return true;
    }

    /// <inheritdoc />
    public bool SendToAddress(string fromHost, string fromAddress, string toAddress, Action<string> deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        lock (_gate)
        {
            var target = _addresses.FirstOrDefault(a => a.Value == toAddress).Key;
            return target is not null
                && _addresses.GetValueOrDefault(fromHost) == fromAddress
                && Send(fromHost, target, TrafficPlane.Media, () => deliver(target));
        }
    }

    /// <summary>True when neither end of a path is offline (a host without a media port, such as a server, never is).</summary>
    private bool PathUp(string fromHost, string toHost) => !_outages.ContainsKey(fromHost) && !_outages.ContainsKey(toHost);

    /// <summary>Delivers a packet that arrived, unless an end of its path went offline while it travelled.</summary>
    private void Arrive(string fromHost, string toHost, Action deliver)
    {
        lock (_gate)
        {
            if (PathUp(fromHost, toHost))
            {
                deliver();
            }
        }
    }

    private InMemoryMediaPort PortOf(string host) =>
        _ports.TryGetValue(host, out var port) ? port : throw new ArgumentException($"Host '{host}' has no media port on this fabric.", nameof(host));

    /// <summary>A clock whose timer callbacks run under the fabric's lock.</summary>
    private sealed class SerializedTime(TimeProvider inner, Lock gate) : TimeProvider
    {
        public override long TimestampFrequency => inner.TimestampFrequency;

        public override long GetTimestamp() => inner.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(
                s =>
                {
                    lock (gate)
                    {
                        callback(s);
                    }
                },
                state,
                dueTime,
                period);
    }
}

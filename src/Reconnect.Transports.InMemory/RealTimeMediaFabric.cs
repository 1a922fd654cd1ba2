using Reconnect.Transports.Hosting;

namespace Reconnect.Transports.InMemory;

/// <summary>
/// In-memory media between clients of one process in real time (demos and end-to-end tests): every host is online
/// with an address of its own, and a packet is delivered on the thread pool, as over a lossless loopback. The
/// in-memory ports are single-threaded, so all media work (the engines' calls into the ports, deliveries and the
/// ports' timers) runs under one lock of this fabric.
/// </summary>
public sealed class RealTimeMediaFabric : IInMemoryFabric
{
    private readonly Lock _gate = new();
    private readonly InMemoryMediaDirectory _directory = new();
    private readonly SortedDictionary<string, string> _addresses = new(StringComparer.Ordinal);

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

            return new SerializedMediaPort(new InMemoryMediaPort(this, host, _directory, sink), _gate);
        }
    }

    /// <inheritdoc />
    public bool IsOnline(string host)
    {
        lock (_gate)
        {
            return _addresses.ContainsKey(host);
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
        ThreadPool.UnsafeQueueUserWorkItem(
            state =>
            {
                lock (state.Gate)
                {
                    state.Deliver();
                }
            },
            (Gate: _gate, Deliver: deliver),
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

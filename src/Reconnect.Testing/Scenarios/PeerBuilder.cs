namespace Reconnect.Testing.Scenarios;

/// <summary>Configures one peer of a <see cref="ScenarioBuilder"/>; a setting left alone keeps the format's default.</summary>
public sealed class PeerBuilder
{
    private readonly SortedDictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private readonly List<StreamSpec> _streams = [];
    private readonly List<DataChannelSpec> _dataChannels = [];
    private PeerSpec _peer;
    private string? _channel;

    internal PeerBuilder(string name) => _peer = new PeerSpec { Name = name, Channel = string.Empty };

    /// <summary>Puts the peer in <paramref name="channel"/> rather than the scenario's channel.</summary>
    public PeerBuilder InChannel(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        _channel = channel;
        return this;
    }

    /// <summary>Makes the peer join at <paramref name="at"/> rather than at t=0.</summary>
    public PeerBuilder JoinsAt(TimeSpan at)
    {
        _peer = _peer with { JoinAtMs = ScenarioTime.Milliseconds(at, nameof(at)) };
        return this;
    }

    /// <summary>Makes the peer join only through a <see cref="ScenarioBuilder.PeerJoin"/> fault.</summary>
    public PeerBuilder JoinsLater()
    {
        _peer = _peer with { JoinAtMs = null };
        return this;
    }

    /// <summary>Adds a key/value pair sent with the join.</summary>
    public PeerBuilder Metadata(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _metadata[key] = value;
        return this;
    }

    /// <summary>Publishes a local stream from the join, announced with <paramref name="metadata"/> when given.</summary>
    public PeerBuilder Publishes(string streamId, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        _streams.Add(new StreamSpec
        {
            Id = streamId,
            Metadata = new SortedDictionary<string, string>(metadata?.ToDictionary(StringComparer.Ordinal) ?? [], StringComparer.Ordinal),
        });
        return this;
    }

    /// <summary>Declares a data channel its engine opens on every connection (reliable; ordered unless <paramref name="ordered"/> is false).</summary>
    public PeerBuilder DataChannel(string label, bool ordered = true)
    {
        ArgumentNullException.ThrowIfNull(label);
        _dataChannels.Add(new DataChannelSpec { Label = label, Ordered = ordered });
        return this;
    }

    /// <summary>Keeps the operating system's network-change signal from reaching the peer's engine.</summary>
    public PeerBuilder WithoutNetworkSignals()
    {
        _peer = _peer with { NetworkSignals = false };
        return this;
    }

    /// <summary>Overrides engine options, such as <c>o =&gt; o with { RetryFirstConnect = true }</c>; calls add up.</summary>
    public PeerBuilder Options(Func<PeerOptionsSpec, PeerOptionsSpec> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _peer = _peer with { Options = change(_peer.Options) };
        return this;
    }

    /// <summary>The peer, in <paramref name="defaultChannel"/> unless it was given its own.</summary>
    internal PeerSpec Build(string defaultChannel) => _peer with
    {
        Channel = _channel ?? defaultChannel,
        Metadata = new SortedDictionary<string, string>(_metadata, StringComparer.Ordinal),
        Streams = [.. _streams],
        DataChannels = [.. _dataChannels],
    };
}

namespace Reconnect.Testing.Scenarios;

/// <summary>One simulated participant: its identity, channel, streams and engine options.</summary>
public sealed record PeerSpec
{
    /// <summary>The peer's name, also its peer id; unique in the scenario.</summary>
    public required string Name { get; init; }

    /// <summary>The channel (room) the peer joins.</summary>
    public required string Channel { get; init; }

    /// <summary>When the peer joins, in milliseconds (default 0); null means it joins only through a <c>peer-join</c> fault.</summary>
    public int? JoinAtMs { get; init; } = 0;

    /// <summary>Free-form key/value pairs sent with the join; written sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The streams the peer publishes, in the order it adds them.</summary>
    public IReadOnlyList<StreamSpec> Streams { get; init; } = [];

    /// <summary>Whether the operating system's network-change signal reaches this peer's engine.</summary>
    public bool NetworkSignals { get; init; } = true;

    /// <summary>Overrides of the engine options for this peer.</summary>
    public PeerOptionsSpec Options { get; init; } = new();

    /// <summary>The data channels the peer declares (none by default); <c>data-send</c> faults send on them.</summary>
    public IReadOnlyList<DataChannelSpec> DataChannels { get; init; } = [];

    /// <summary>The engine options: <see cref="Options"/> applied to the defaults, with the declared data channels.</summary>
    public ReconnectOptions ToOptions()
    {
        var options = Options.ToOptions();
        return DataChannels.Count == 0
            ? options
            : options with { DataChannels = options.DataChannels with { Channels = [.. DataChannels.Select(c => c.ToDeclared())] } };
    }

    /// <inheritdoc />
    public bool Equals(PeerSpec? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Channel, other.Channel, StringComparison.Ordinal)
        && JoinAtMs == other.JoinAtMs
        && Structural.MapEquals(Metadata, other.Metadata)
        && Structural.ListEquals(Streams, other.Streams)
        && NetworkSignals == other.NetworkSignals
        && Options == other.Options
        && Structural.ListEquals(DataChannels, other.DataChannels);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Name, Channel, JoinAtMs, Structural.MapHash(Metadata), Structural.ListHash(Streams), NetworkSignals, Options, Structural.ListHash(DataChannels));
}

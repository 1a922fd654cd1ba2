namespace Reconnect.Testing.Scenarios;

/// <summary>A local stream a peer publishes from the moment it joins.</summary>
public sealed record StreamSpec
{
    /// <summary>The stream id, unique within its peer (such as <c>camA</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Free-form key/value pairs announced with the stream; written sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool Equals(StreamSpec? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && Structural.MapEquals(Metadata, other.Metadata);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Structural.MapHash(Metadata));
}

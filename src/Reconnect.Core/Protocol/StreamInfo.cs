using Reconnect.Core.Protocol;

namespace Reconnect;

/// <summary>A stream a peer publishes, with its application metadata.</summary>
/// <param name="StreamId">The stream's id, stable across reconnects.</param>
/// <param name="Metadata">Application metadata, such as the kind of source.</param>
public sealed record StreamInfo(string StreamId, IReadOnlyDictionary<string, string> Metadata)
{
    /// <inheritdoc />
    public bool Equals(StreamInfo? other) =>
        other is not null && StreamId == other.StreamId && MetadataEquality.Same(Metadata, other.Metadata);

    /// <inheritdoc />
    public override int GetHashCode() => StreamId.GetHashCode(StringComparison.Ordinal);
}

using System.Text.Json.Serialization;
using Reconnect.Core.Protocol;

namespace Reconnect;

/// <summary>A stream a peer publishes, with its application metadata.</summary>
/// <param name="StreamId">The stream's id, stable across reconnects.</param>
/// <param name="Metadata">Application metadata, such as the kind of source.</param>
public sealed record StreamInfo(string StreamId, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>
    /// The platform's local track or stream handle the media port attaches (a browser <c>MediaStream</c> proxy), or
    /// null. Opaque to the engine, never sent on the wire, and no part of equality: two infos with the same id and
    /// metadata are equal whatever handle they carry.
    /// </summary>
    [JsonIgnore]
    public object? Media { get; init; }

    /// <inheritdoc />
    public bool Equals(StreamInfo? other) =>
        other is not null && StreamId == other.StreamId && MetadataEquality.Same(Metadata, other.Metadata);

    /// <inheritdoc />
    public override int GetHashCode() => StreamId.GetHashCode(StringComparison.Ordinal);
}

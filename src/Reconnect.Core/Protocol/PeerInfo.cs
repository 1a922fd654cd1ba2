namespace Reconnect.Core.Protocol;

/// <summary>One peer in a channel's roster.</summary>
/// <param name="PeerId">The peer's id in the channel.</param>
/// <param name="SessionId">The server session; a new one means a new peer under the same id.</param>
/// <param name="Metadata">Application metadata.</param>
/// <param name="Streams">The streams the peer publishes.</param>
public sealed record RosterEntry(
    string PeerId,
    string SessionId,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<StreamInfo> Streams)
{
    /// <summary>
    /// Why the server holds the session while its socket is gone (the <c>peer-away</c> reason), or null while it is
    /// attached: a client that reconnects learns from its roster snapshot who is still away. Left out of the frame when
    /// null, and not part of the entry's equality (it is presence, not roster content).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Away { get; init; }

    /// <inheritdoc />
    public bool Equals(RosterEntry? other) =>
        other is not null
        && PeerId == other.PeerId
        && SessionId == other.SessionId
        && MetadataEquality.Same(Metadata, other.Metadata)
        && Streams.SequenceEqual(other.Streams);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PeerId, SessionId);
}

/// <summary>Compares metadata dictionaries by content.</summary>
public static class MetadataEquality
{
    /// <summary>True when both hold the same keys with the same values.</summary>
    public static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }
}

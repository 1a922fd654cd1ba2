namespace Reconnect.Core.Protocol;

/// <summary>Finds nulls inside a decoded message's collections, which the JSON reader lets through.</summary>
internal static class MessageShape
{
    public static string? FindNull(object message) => message switch
    {
        JoinMessage j => Metadata(j.Metadata, "metadata") ?? Streams(j.Streams, "streams"),
        PublishStreamMessage p => p.Stream is null ? "stream is null" : Stream(p.Stream, "stream"),
        RelaySignalMessage r => r.Payload is null ? "payload is null" : null,
        SignalRelayedMessage r => r.Payload is null ? "payload is null" : null,
        RosterMessage r => r.Peers is null ? "peers is null" : r.Peers.Select((p, i) => Entry(p, $"peers[{i}]")).FirstOrDefault(e => e is not null)
            ?? r.Departed?.Select((d, i) => d is null ? $"departed[{i}] is null" : null).FirstOrDefault(e => e is not null),
        PeerJoinedMessage p => Entry(p.Peer, "peer"),
        PeerUpdatedMessage p => Entry(p.Peer, "peer"),
        _ => null,
    };

    private static string? Entry(RosterEntry? entry, string path) =>
        entry is null ? $"{path} is null" : Metadata(entry.Metadata, $"{path}.metadata") ?? Streams(entry.Streams, $"{path}.streams");

    private static string? Streams(IReadOnlyList<StreamInfo>? streams, string path) =>
        streams is null ? $"{path} is null" : streams.Select((s, i) => s is null ? $"{path}[{i}] is null" : Stream(s, $"{path}[{i}]")).FirstOrDefault(e => e is not null);

    private static string? Stream(StreamInfo stream, string path) => Metadata(stream.Metadata, $"{path}.metadata");

    private static string? Metadata(IReadOnlyDictionary<string, string>? metadata, string path) =>
        metadata is null ? $"{path} is null" : metadata.Where(kv => kv.Value is null).Select(kv => $"{path}.{kv.Key} is null").FirstOrDefault();
}

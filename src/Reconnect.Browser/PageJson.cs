using System.Text.Json;
using System.Text.Json.Serialization;
using Reconnect.Core.Engine;

namespace Reconnect.Browser;

/// <summary>An RTCIceServer as the browser reads it (no null fields: the browser would read them as the text "null").</summary>
internal sealed record IceServerJson(IReadOnlyList<string> Urls, string? Username, string? Credential);

/// <summary>One connection's getStats() counters, summed over its RTP streams, and its states.</summary>
internal sealed record MediaStatsJson(
    long FramesDecoded,
    long FramesReceived,
    long BytesReceived,
    long FramesSent,
    long BytesSent,
    string IceConnectionState,
    string ConnectionState,
    string? SelectedCandidateType)
{
    /// <summary>
    /// What the engine's frozen-media watchdog is told of this sample: the frames decoded (not merely received: frames
    /// that arrive but are never decoded are frozen media too) and the bytes received.
    /// </summary>
    public MediaFlowReported FlowOf(string peer, int generation) => new(peer, generation, FramesDecoded, BytesReceived);
}

/// <summary>A remote peer as the page's test surface shows it.</summary>
internal sealed record RemotePeerJson(string Id, long ObjectId, string State, int Generation, IReadOnlyList<string> Streams);

/// <summary>A notice the page raised: its kind, the remote peer it concerns, and when (milliseconds since the page started).</summary>
internal sealed record EventJson(string Kind, string? PeerId, long At);

/// <summary>A message received on a data channel: from which remote peer, on which channel, its text, and when (milliseconds since the page started).</summary>
internal sealed record MessageJson(string From, string Label, string Text, long At);

/// <summary>The answer of the server's <c>GET /dev/token</c>.</summary>
internal sealed record DevTokenJson(string Token, DateTimeOffset? ExpiresAt, IReadOnlyList<IceServerJson>? IceServers);

/// <summary>The page's JSON, generated at build time (the trimmed WebAssembly app has no reflection-based JSON).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<IceServerJson>))]
[JsonSerializable(typeof(MediaStatsJson))]
[JsonSerializable(typeof(SortedDictionary<string, MediaStatsJson>))]
[JsonSerializable(typeof(List<RemotePeerJson>))]
[JsonSerializable(typeof(List<EventJson>))]
[JsonSerializable(typeof(List<MessageJson>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(DevTokenJson))]
internal sealed partial class PageJsonContext : JsonSerializerContext;

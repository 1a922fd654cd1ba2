using System.Collections.Immutable;
using Reconnect.Core.Protocol;

namespace Reconnect.Channel;

/// <summary>Copies roster values into immutable, ordinally sorted forms so encoding never depends on hash order.</summary>
internal static class RosterValues
{
    public static IReadOnlyDictionary<string, string> NoMetadata { get; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> Metadata(IReadOnlyDictionary<string, string> metadata) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, metadata);

    public static StreamInfo Stream(StreamInfo stream) => new(stream.StreamId, Metadata(stream.Metadata));

    /// <summary>Normalizes every stream; when an id repeats, the first occurrence wins.</summary>
    public static IReadOnlyList<StreamInfo> Streams(IEnumerable<StreamInfo> streams) =>
        streams.DistinctBy(s => s.StreamId, StringComparer.Ordinal).Select(Stream).ToImmutableArray();

    /// <summary>Replaces the stream with the same id in place, or appends it.</summary>
    public static IReadOnlyList<StreamInfo> Publish(IReadOnlyList<StreamInfo> streams, StreamInfo stream)
    {
        var normalized = Stream(stream);
        var index = IndexOf(streams, stream.StreamId);
        return index < 0 ? [.. streams, normalized] : [.. streams.Take(index), normalized, .. streams.Skip(index + 1)];
    }

    public static IReadOnlyList<StreamInfo> Unpublish(IReadOnlyList<StreamInfo> streams, string streamId) =>
        [.. streams.Where(s => !string.Equals(s.StreamId, streamId, StringComparison.Ordinal))];

    private static int IndexOf(IReadOnlyList<StreamInfo> streams, string streamId)
    {
        for (var i = 0; i < streams.Count; i++)
        {
            if (string.Equals(streams[i].StreamId, streamId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Protocol;

/// <summary>FsCheck generators for every signalling message, keyed by the message's type discriminator.</summary>
internal static class ProtocolGenerators
{
    /// <summary>Text pieces that stress JSON escaping: quotes, backslashes, control characters, non-ASCII, surrogate pairs.</summary>
    private static readonly Gen<string> TextPiece = Gen.Frequency(
        (6, Gen.Elements("a", "b", "z", "A", "0", "9", "-", "_", " ", ".")),
        (1, Gen.Elements("\"", "\\", "/", "\n", "\t", "\0", "\u001f", "<", "&", "'")),
        (1, Gen.Elements("é", "ß", "中", "\u2028", "😀", "\U0001F3A5")));

    /// <summary>Any well-formed text, often empty or short.</summary>
    public static readonly Gen<string> Text = Gen.ListOf(TextPiece).Select(string.Concat);

    /// <summary>Non-empty text, for ids.</summary>
    public static readonly Gen<string> Id = Gen.NonEmptyListOf(TextPiece).Select(string.Concat);

    public static readonly Gen<string?> OptionalId = Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Id.Select(s => (string?)s)));

    public static readonly Gen<int> AnyInt = Gen.Frequency(
        (3, ArbMap.Default.GeneratorFor<int>()),
        (1, Gen.Elements(0, 1, -1, int.MinValue, int.MaxValue)));

    public static readonly Gen<long> AnyLong = Gen.Frequency(
        (3, ArbMap.Default.GeneratorFor<long>()),
        (1, Gen.Elements(0L, 1L, -1L, long.MinValue, long.MaxValue)));

    public static readonly Gen<bool> AnyBool = Gen.Elements(false, true);

    /// <summary>Metadata with distinct keys, insertion order as generated.</summary>
    public static readonly Gen<IReadOnlyDictionary<string, string>> Metadata =
        ListUpTo(Gen.Zip(Text, Text), sizeDivisor: 5).Select(IReadOnlyDictionary<string, string> (pairs) =>
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in pairs)
            {
                metadata.TryAdd(key, value);
            }

            return metadata;
        });

    public static readonly Gen<StreamInfo> Stream = Gen.Zip(Id, Metadata, (id, metadata) => new StreamInfo(id, metadata));

    public static readonly Gen<IReadOnlyList<StreamInfo>> Streams =
        ListUpTo(Stream, sizeDivisor: 10).Select(IReadOnlyList<StreamInfo> (s) => [.. s]);

    public static readonly Gen<RosterEntry> Peer =
        from peerId in Id
        from sessionId in Id
        from metadata in Metadata
        from streams in Streams
        select new RosterEntry(peerId, sessionId, metadata, streams);

    public static readonly Gen<IceCandidate> Candidate =
        from candidate in Text
        from sdpMid in OptionalId
        from index in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, AnyInt.Select(i => (int?)i)))
        select new IceCandidate(candidate, sdpMid, index);

    /// <summary>Signal payload generators keyed by their <c>kind</c> discriminator.</summary>
    public static readonly IReadOnlyDictionary<string, Gen<SignalPayload>> PayloadsByKind = new SortedDictionary<string, Gen<SignalPayload>>(StringComparer.Ordinal)
    {
        ["offer"] =
            from generation in AnyInt
            from sdp in Text
            from iceRestart in AnyBool
            from sequence in Gen.Choose(0, 1_000)
            from onlyAnswered in AnyBool
            select (SignalPayload)new OfferSignal(generation, sdp, iceRestart, sequence, onlyAnswered),
        ["answer"] =
            from generation in AnyInt
            from sdp in Text
            from sequence in Gen.Choose(0, 1_000)
            select (SignalPayload)new AnswerSignal(generation, sdp, sequence),
        ["candidate"] = Gen.Zip(AnyInt, Candidate, SignalPayload (g, c) => new CandidateSignal(g, c)),
    };

    public static readonly Gen<SignalPayload> Payload = Gen.OneOf(PayloadsByKind.Values);

    /// <summary>Client message generators keyed by their <c>type</c> discriminator.</summary>
    public static readonly IReadOnlyDictionary<string, Gen<ClientMessage>> ClientMessagesByType = new SortedDictionary<string, Gen<ClientMessage>>(StringComparer.Ordinal)
    {
        ["join"] =
            from channel in Id
            from peerId in Id
            from metadata in Metadata
            from streams in Streams
            from resume in OptionalId
            from ping in Gen.Frequency((1, Gen.Constant<long?>(null)), (2, AnyLong.Select(l => (long?)l)))
            select (ClientMessage)new JoinMessage(channel, peerId, metadata, streams, resume, ping),
        ["leave"] = Gen.Constant<ClientMessage>(new LeaveMessage()),
        ["roster-request"] = AnyInt.Select(ClientMessage (id) => new RosterRequestMessage(id)),
        ["signal"] = Gen.Zip(Id, Payload, ClientMessage (to, payload) => new RelaySignalMessage(to, payload)),
        ["ping"] = AnyLong.Select(ClientMessage (sequence) => new PingMessage(sequence)),
        ["publish"] = Stream.Select(ClientMessage (stream) => new PublishStreamMessage(stream)),
        ["unpublish"] = Id.Select(ClientMessage (id) => new UnpublishStreamMessage(id)),
    };

    /// <summary>Server message generators keyed by their <c>type</c> discriminator.</summary>
    public static readonly IReadOnlyDictionary<string, Gen<ServerMessage>> ServerMessagesByType = new SortedDictionary<string, Gen<ServerMessage>>(StringComparer.Ordinal)
    {
        ["welcome"] =
            from peerId in Id
            from sessionId in Id
            from resumed in AnyBool
            from grace in Gen.Frequency((1, Gen.Constant<long?>(null)), (2, AnyLong.Select(l => (long?)l)))
            select (ServerMessage)new WelcomeMessage(peerId, sessionId, resumed, grace),
        ["roster"] =
            from id in AnyInt
            from peers in ListUpTo(Peer, sizeDivisor: 10)
            from version in AnyLong
            select (ServerMessage)new RosterMessage(id, [.. peers], version),
        ["peer-joined"] = Gen.Zip(Peer, AnyLong, ServerMessage (peer, version) => new PeerJoinedMessage(peer, version)),
        ["peer-left"] =
            from peerId in Id
            from sessionId in Id
            from reason in Text
            from version in AnyLong
            select (ServerMessage)new PeerLeftMessage(peerId, sessionId, reason, version),
        ["peer-updated"] = Gen.Zip(Peer, AnyLong, ServerMessage (peer, version) => new PeerUpdatedMessage(peer, version)),
        ["signal"] = Gen.Zip(Id, Payload, ServerMessage (from, payload) => new SignalRelayedMessage(from, payload)),
        ["pong"] = AnyLong.Select(ServerMessage (sequence) => new PongMessage(sequence)),
        ["going-away"] = Gen.Frequency((1, Gen.Constant<int?>(null)), (2, AnyInt.Select(i => (int?)i)))
            .Select(ServerMessage (retry) => new GoingAwayMessage(retry)),
        ["evicted"] = Text.Select(ServerMessage (reason) => new EvictedMessage(reason)),
    };

    public static readonly Gen<ClientMessage> AnyClientMessage = Gen.OneOf(ClientMessagesByType.Values);

    public static readonly Gen<ServerMessage> AnyServerMessage = Gen.OneOf(ServerMessagesByType.Values);

    /// <summary>A list whose length grows with the size by a fraction only, so nested collections stay small.</summary>
    private static Gen<List<T>> ListUpTo<T>(Gen<T> element, int sizeDivisor) =>
        Gen.Sized(size => Gen.Choose(0, size / sizeDivisor))
            .SelectMany(count => Gen.ListOf(element, count))
            .Select(items => items.ToList());
}

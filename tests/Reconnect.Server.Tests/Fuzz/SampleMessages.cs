using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Server.Tests.Fuzz;

/// <summary>Valid messages of every kind in both directions, drawn from a seeded random source: the fuzzer's grammar.</summary>
internal sealed class SampleMessages(Random random)
{
    private static readonly string[] Words = ["a", "room-42", "fuzz-1", "peer", "steady", "", " ", "é", "😀", "\"q\"", "\\", "\u0000", "a/b?c=d", "cam"];

    /// <summary>A client message of a random kind.</summary>
    public ClientMessage Client() => random.Next(7) switch
    {
        0 => Join(Word(), Word()),
        1 => new LeaveMessage(),
        2 => new RosterRequestMessage(Int()),
        3 => new RelaySignalMessage(Word(), Payload()),
        4 => new PingMessage(Long()),
        5 => new PublishStreamMessage(Stream()),
        _ => new UnpublishStreamMessage(Word()),
    };

    /// <summary>A server message of a random kind.</summary>
    public ServerMessage Server() => random.Next(9) switch
    {
        0 => new WelcomeMessage(Word(), Word(), random.Next(2) == 0, random.Next(2) == 0 ? null : Long(), random.Next(2) == 0 ? null : [new IceServer([Word()], Word(), Word())]),
        1 => new RosterMessage(Int(), [.. Many(Entry)], Long(), random.Next(2) == 0 ? null : [.. Many(Departed)]),
        2 => new PeerJoinedMessage(Entry(), Long(), random.Next(2) == 0 ? null : Departed()),
        3 => new PeerLeftMessage(Word(), Word(), Word(), Long()),
        4 => new PeerUpdatedMessage(Entry(), Long()),
        5 => new SignalRelayedMessage(Word(), Payload()),
        6 => new PongMessage(Long()),
        7 => new GoingAwayMessage(random.Next(2) == 0 ? null : Int()),
        _ => new EvictedMessage(Word()),
    };

    /// <summary>A join with random contents for the given channel and peer.</summary>
    public JoinMessage Join(string channel, string peerId) =>
        new(channel, peerId, Metadata(), [.. Many(Stream)], random.Next(3) == 0 ? Word() : null, random.Next(2) == 0 ? null : random.Next(0, 120_000));

    /// <summary>A well-formed message a joined client may send that touches no other channel.</summary>
    public ClientMessage Harmless(string peerInChannel) => random.Next(5) switch
    {
        0 => new PingMessage(Long()),
        1 => new RosterRequestMessage(Int()),
        2 => new RelaySignalMessage(peerInChannel, Payload()),
        3 => new PublishStreamMessage(Stream()),
        _ => new UnpublishStreamMessage("cam"),
    };

    private SignalPayload Payload() => random.Next(3) switch
    {
        0 => new OfferSignal(Int(), Word(), random.Next(2) == 0, Int()),
        1 => new AnswerSignal(Int(), Word(), Int()),
        _ => new CandidateSignal(Int(), new IceCandidate(Word(), random.Next(2) == 0 ? null : Word(), random.Next(2) == 0 ? null : Int())),
    };

    private RosterEntry Entry() => new(Word(), Word(), Metadata(), [.. Many(Stream)]);

    private DepartedSession Departed() => new(Word(), Word(), Word());

    private StreamInfo Stream() => new(Word(), Metadata());

    private Dictionary<string, string> Metadata() => Many(Word).Distinct(StringComparer.Ordinal).ToDictionary(w => w, _ => Word(), StringComparer.Ordinal);

    private IEnumerable<T> Many<T>(Func<T> one) => Enumerable.Range(0, random.Next(3)).Select(_ => one()).ToList();

    private string Word() => Words[random.Next(Words.Length)];

    private int Int() => random.Next(4) == 0 ? random.Next(int.MinValue, int.MaxValue) : random.Next(0, 10);

    private long Long() => random.Next(4) == 0 ? random.NextInt64(long.MinValue, long.MaxValue) : random.Next(0, 1000);
}

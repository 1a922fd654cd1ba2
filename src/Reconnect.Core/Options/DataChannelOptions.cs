namespace Reconnect;

/// <summary>
/// How a data channel delivers, as W3C <c>RTCDataChannelInit</c> says; the library passes it to the media port on every
/// connection generation unchanged. Set at most one of <see cref="MaxPacketLifeTime"/> and <see cref="MaxRetransmits"/>.
/// </summary>
public sealed record DataChannelInit
{
    /// <summary>True (default) to deliver in the order sent (W3C <c>ordered</c>).</summary>
    public bool Ordered { get; init; } = true;

    /// <summary>How long a message is retransmitted before it is given up (W3C <c>maxPacketLifeTime</c>); null for no limit.</summary>
    public TimeSpan? MaxPacketLifeTime { get; init; }

    /// <summary>How many times a message is retransmitted before it is given up (W3C <c>maxRetransmits</c>); null for no limit.</summary>
    public int? MaxRetransmits { get; init; }

    /// <summary>The subprotocol name (W3C <c>protocol</c>); empty for none.</summary>
    public string Protocol { get; init; } = string.Empty;

    /// <summary>The W3C defaults: reliable and ordered, no subprotocol.</summary>
    public static DataChannelInit Default { get; } = new();
}

/// <summary>A data channel the app declares: the library opens it on every media connection to every remote peer.</summary>
/// <param name="Label">The channel's label (W3C <c>label</c>), unique among the declared channels.</param>
/// <param name="Init">How it delivers; null for the W3C defaults (reliable, ordered).</param>
public sealed record DeclaredDataChannel(string Label, DataChannelInit? Init = null)
{
    /// <summary>How it delivers, the W3C defaults when <see cref="Init"/> is null.</summary>
    public DataChannelInit Delivery => Init ?? DataChannelInit.Default;
}

/// <summary>What a send does while its channel is not open on the live connection (a connection being replaced, a peer reconnecting).</summary>
public enum DataSendMode
{
    /// <summary>The message waits in a bounded queue and is sent, in order, when the channel opens on the live connection.</summary>
    Queue,

    /// <summary>The send fails at once with <see cref="DataSendFailure.ChannelNotOpen"/>.</summary>
    FailFast,
}

/// <summary>
/// The data channels the library keeps open for the app. Each declared channel is created on every new media connection
/// (every generation) with the same label and options, so the app never reopens one after a reconnect; apps that manage
/// their own channels declare none and reopen theirs on <c>DataChannelsResetNotice</c>, as before.
/// </summary>
public sealed record DataChannelOptions
{
    /// <summary>The channels to keep open; none by default (the library then opens no channel and nothing changes).</summary>
    public IReadOnlyList<DeclaredDataChannel> Channels { get; init; } = [];

    /// <summary>What a send does while its channel is not open on the live connection; by default it is queued.</summary>
    public DataSendMode WhileNotOpen { get; init; } = DataSendMode.Queue;

    /// <summary>
    /// How many messages wait at most per remote peer and channel while the channel is not open. A send to a full queue
    /// fails with <see cref="DataSendFailure.QueueFull"/> and the queued messages stay (the newest is rejected, never the
    /// oldest dropped: dropping from the front would cut a hole in an ordered stream without the sender knowing which
    /// message it lost, while a rejected send is told to the very caller). Default 256: a chat or a game-state stream at
    /// a few tens of messages a second fills it in seconds, about as long as a connection swap takes, so a longer outage
    /// pushes back on the app rather than hiding an unbounded backlog. Must be in [1, 100000].
    /// </summary>
    public int QueueCapacity { get; init; } = 256;
}

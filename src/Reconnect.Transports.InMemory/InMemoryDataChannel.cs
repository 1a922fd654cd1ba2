namespace Reconnect.Transports.InMemory;

/// <summary>
/// One negotiated data channel of an in-memory connection, reliable and ordered as an SCTP stream with the W3C defaults:
/// each message gets a sequence number and is sent again on every media tick until the remote acknowledges it
/// (cumulatively); the remote takes only the next message in sequence, so a loss or a reordering on the path costs time,
/// never order. Messages ride the connection's selected pair: while the media path is down nothing crosses, and what
/// waits goes out when a pair works again (an ICE restart that heals keeps the channel). The options' partial
/// reliability is not modelled: every channel here is reliable and ordered.
/// </summary>
internal sealed class InMemoryDataChannel(string label)
{
    /// <summary>How many unacknowledged messages one tick sends again at most.</summary>
    public const int ResendPerTick = 64;

    private readonly List<(long Sequence, ReadOnlyMemory<byte> Payload)> _unacknowledged = [];
    private long _sent;

    public string Label { get; } = label;

    /// <summary>True once open was reported; reported once per connection.</summary>
    public bool Opened { get; set; }

    /// <summary>The sequence of the last message delivered to the app, in order.</summary>
    public long Delivered { get; set; }

    /// <summary>The messages sent and not yet acknowledged, oldest first.</summary>
    public IReadOnlyList<(long Sequence, ReadOnlyMemory<byte> Payload)> Unacknowledged => _unacknowledged;

    /// <summary>Numbers a message and keeps it until it is acknowledged; returns its sequence.</summary>
    public long Queue(ReadOnlyMemory<byte> payload)
    {
        _unacknowledged.Add((++_sent, payload));
        return _sent;
    }

    /// <summary>The remote has every message up to <paramref name="sequence"/>.</summary>
    public void Acknowledge(long sequence) => _unacknowledged.RemoveAll(m => m.Sequence <= sequence);
}

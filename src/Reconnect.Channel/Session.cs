using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Channel;

/// <summary>One peer's membership of a channel; it outlives connections until it leaves or is evicted.</summary>
internal sealed class Session(string id, string channel, string peerId, string account)
{
    public string Id { get; } = id;

    public string Channel { get; } = channel;

    public string PeerId { get; } = peerId;

    /// <summary>The account whose token created the session; only that account may resume it.</summary>
    public string Account { get; } = account;

    public IReadOnlyDictionary<string, string> Metadata { get; set; } = RosterValues.NoMetadata;

    public IReadOnlyList<StreamInfo> Streams { get; set; } = [];

    /// <summary>The connection the session is attached to, or null while detached.</summary>
    public long? ConnectionId { get; set; }

    /// <summary>When a frame was last heard from the session.</summary>
    public Instant LastHeard { get; set; }

    /// <summary>How long after <see cref="LastHeard"/> the client's next heartbeat is due: its announced ping interval, capped.</summary>
    public TimeSpan HeartbeatAllowance { get; set; }

    /// <summary>The silence timer currently armed.</summary>
    public ChannelTimerId Timer { get; set; }

    /// <summary>When the silence timer currently armed fires.</summary>
    public Instant TimerDue { get; set; }

    /// <summary>The other members were told the session's socket is gone (<c>peer-away</c>) and not yet that it is back.</summary>
    public bool Away { get; set; }

    /// <summary>Why the session is away (a <see cref="PeerAwayReasons"/> value), while <see cref="Away"/>.</summary>
    public string? AwayReason { get; set; }

    public RosterEntry Entry => new(PeerId, Id, Metadata, Streams) { Away = Away ? AwayReason : null };
}

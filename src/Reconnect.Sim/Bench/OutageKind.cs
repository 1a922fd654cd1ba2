namespace Reconnect.Sim.Bench;

/// <summary>What breaks in a heal bench run; each kind is a row group of the table.</summary>
internal enum OutageKind
{
    /// <summary>Peer A's link goes down (every path, immediate local errors) and comes back.</summary>
    Offline,

    /// <summary>Every packet of peer A silently vanishes, both planes, with no local error and no close.</summary>
    Blackhole,

    /// <summary>The server process dies (every session lost, no going-away) and is back after the outage.</summary>
    ServerCrash,

    /// <summary>Peer A's media paths die while its signalling stays up.</summary>
    MediaOnly,

    /// <summary>Peer A's old network silently dies (a fading Wi-Fi) and at the outage's end a new address works at once.</summary>
    Handoff,

    /// <summary>
    /// Peer A's inbound media from B freezes while ICE stays connected on both sides, with no end of its own: only a
    /// policy that watches the media itself notices it (an ICE restart repairs it); one that reacts to ICE states never does.
    /// </summary>
    FrozenMedia,
}

/// <summary>Names and facts of <see cref="OutageKind"/>.</summary>
internal static class OutageKinds
{
    /// <summary>Every kind, in table order.</summary>
    public static IReadOnlyList<OutageKind> All { get; } =
        [OutageKind.Offline, OutageKind.Blackhole, OutageKind.ServerCrash, OutageKind.MediaOnly, OutageKind.Handoff, OutageKind.FrozenMedia];

    /// <summary>The kind's name in the table and on the command line.</summary>
    public static string Label(this OutageKind kind) => kind switch
    {
        OutageKind.Offline => "offline",
        OutageKind.Blackhole => "blackhole",
        OutageKind.ServerCrash => "server-crash",
        OutageKind.MediaOnly => "media-only",
        OutageKind.Handoff => "handoff",
        OutageKind.FrozenMedia => "frozen-media",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an outage kind."),
    };

    /// <summary>
    /// True when the operating system has something to tell the engine: the link going down and up (<c>offline</c>)
    /// or the address changing (<c>handoff</c>). A silent loss, a server's crash and a media path's death give no signal.
    /// </summary>
    public static bool HasNetworkSignal(this OutageKind kind) => kind is OutageKind.Offline or OutageKind.Handoff;

    /// <summary>
    /// True when the outage lasts the cell's length and the time to heal counts from its end; false for
    /// <c>frozen-media</c>, which has no end of its own, so its one row counts from its onset.
    /// </summary>
    public static bool HasLength(this OutageKind kind) => kind != OutageKind.FrozenMedia;

    /// <summary>The kind named <paramref name="label"/>, or null.</summary>
    public static OutageKind? Parse(string label) =>
        All.Cast<OutageKind?>().FirstOrDefault(kind => string.Equals(kind!.Value.Label(), label, StringComparison.Ordinal));
}

using Reconnect.Channel;

namespace Reconnect.Server;

/// <summary>The server's settings, bound from the <c>Reconnect</c> configuration section and validated on start.</summary>
internal sealed class ReconnectServerOptions
{
    /// <summary>The configuration section the settings are read from.</summary>
    public const string Section = "Reconnect";

    /// <summary>The HS256 key tokens are signed with, base64, at least 32 bytes. Generated (and printed) in Development when empty.</summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>The key the admin API demands in the <c>X-Admin-Key</c> header. Generated (and printed) in Development when empty.</summary>
    public string AdminKey { get; set; } = string.Empty;

    /// <summary>The issuer tokens must name.</summary>
    public string Issuer { get; set; } = "reconnect";

    /// <summary>The audience tokens must name.</summary>
    public string Audience { get; set; } = "reconnect";

    /// <summary>Serves <c>POST /dev/token</c> outside Development too (never in production).</summary>
    public bool DevTokens { get; set; }

    /// <summary>How long a dev token lives unless the request says otherwise.</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The STUN/TURN servers a dev token grants when the request names none (besides <see cref="IceServers"/>).</summary>
    public List<IceServerSetting> DevIceServers { get; set; } = [];

    /// <summary>
    /// The STUN/TURN servers the server grants: every token issued here (dev tokens, the call page's) names them, after
    /// <see cref="DevIceServers"/>, when its request names none.
    /// </summary>
    public List<IceServerSetting> IceServers { get; set; } = [];

    /// <summary>Serves the call page (the WebAssembly app of Reconnect.Browser) at <c>/</c> and turns <see cref="DevTokens"/> on; the <c>--call-page</c> switch sets it.</summary>
    public bool CallPage { get; set; }

    /// <summary>How long a silent session is kept for a resume once its heartbeat is overdue; the welcome announces it.</summary>
    public TimeSpan SilenceGrace { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>The most a client's announced ping interval adds to its silence budget.</summary>
    public TimeSpan MaxPingInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the WebSocket layer sends its own keep-alive pings (zero: never).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The most peers one channel holds; a join past it is closed with 4006 <c>over_capacity</c>.</summary>
    public int MaxPeersPerChannel { get; set; } = 500;

    /// <summary>The most connections one account (a token's subject) holds open; past it: 4006.</summary>
    public int MaxConnectionsPerAccount { get; set; } = 1000;

    /// <summary>The most connections one remote address holds open; past it: 4006.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 256;

    /// <summary>The largest frame accepted, in bytes; past it: 4007 <c>frame_too_large</c>.</summary>
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// The frames a connection may send a second, sustained: its frame budget (<see cref="MaxFrameBurst"/> frames) refills
    /// at this rate. A frame over the budget: 4008 <c>rate_limited</c>.
    /// </summary>
    public int MaxFramesPerSecond { get; set; } = 50;

    /// <summary>
    /// The frames a connection may send at once: the size of its frame budget, full when it opens and refilled at
    /// <see cref="MaxFramesPerSecond"/>. Sized for a mesh's bursts: a join or an ICE restart of every connection in a room
    /// of 12 peers sends an offer or answer and up to 30 candidates to each of the 11 others at once (346 frames with the
    /// join, a roster request, a ping and a publish).
    /// </summary>
    public int MaxFrameBurst { get; set; } = 400;

    /// <summary>
    /// The most frames waiting to be sent to one client; past it the client is closed with 4011 <c>slow_consumer</c>. At
    /// least <see cref="MaxFrameBurst"/>, so a client's own burst of requests, each answered with one frame, never makes it a
    /// slow consumer; the default also holds a mesh burst towards one client (11 peers each sending an offer or answer and
    /// 30 candidates: 341 frames) with room to spare.
    /// </summary>
    public int OutboundQueueCapacity { get; set; } = 1024;

    /// <summary>How long a client may take to send its HTTP request headers (the upgrade); past it the connection is dropped.</summary>
    public TimeSpan UpgradeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a connection may stay open without joining; past it: 4009 <c>join_timeout</c>.</summary>
    public TimeSpan JoinTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a close handshake may take before the socket is aborted.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The retry hint every client gets in its going-away message when the server stops (capped at half the grace).</summary>
    public TimeSpan ShutdownRetryHint { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a stopping server waits for its clients' sockets to close.</summary>
    public TimeSpan ShutdownDrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many channel loops (each a single-reader loop over its own channel logic) share the channels.</summary>
    public int ChannelLoops { get; set; } = 4;

    /// <summary>The channel logic's options derived from these settings.</summary>
    public ChannelServerOptions ToChannelOptions() => new()
    {
        SilenceGrace = SilenceGrace,
        MaxHeartbeatAllowance = MaxPingInterval,
        TerminalCloseMemory = SilenceGrace > TimeSpan.FromMinutes(10) ? SilenceGrace : TimeSpan.FromMinutes(10),
        RosterCapacity = MaxPeersPerChannel,
        MaxConnectionsPerAccount = MaxConnectionsPerAccount,
    };
}

/// <summary>A STUN or TURN server as configured.</summary>
internal sealed class IceServerSetting
{
    /// <summary>The server's URLs.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>The TURN user name, if any.</summary>
    public string? Username { get; set; }

    /// <summary>The TURN credential, if any.</summary>
    public string? Credential { get; set; }
}

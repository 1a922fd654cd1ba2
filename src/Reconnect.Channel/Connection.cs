namespace Reconnect.Channel;

/// <summary>An open client connection whose token was accepted.</summary>
internal sealed class Connection(long id, TokenAccepted grant)
{
    public long Id { get; } = id;

    /// <summary>What the connection's token grants: the one it opened with, or the latest refreshed one.</summary>
    public TokenAccepted Grant { get; set; } = grant;

    /// <summary>The session attached to this connection, or null before a join.</summary>
    public Session? Session { get; set; }
}

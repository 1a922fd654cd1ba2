namespace Reconnect.Channel;

/// <summary>The reasons the server gives in <c>PeerLeftMessage</c> and <c>EvictedMessage</c>.</summary>
public static class PeerLeftReasons
{
    /// <summary>The peer asked to leave.</summary>
    public const string Left = "left";

    /// <summary>No frame was heard from the peer for the silence grace.</summary>
    public const string NetworkDisconnect = "network-disconnect";

    /// <summary>An operator removed the peer.</summary>
    public const string Kicked = "kicked";

    /// <summary>The same peer joined again under a new session.</summary>
    public const string Replaced = "replaced";

    /// <summary>The peer handed over a fresh token that the server refused for good (another account, channel or a revoked token).</summary>
    public const string TokenRefused = "token-refused";
}

namespace Reconnect;

/// <summary>Where the WebSocket signalling port puts the token of an attempt in the upgrade request.</summary>
public enum TokenPlacement
{
    /// <summary>An <c>Authorization: Bearer &lt;token&gt;</c> header.</summary>
    AuthorizationHeader,

    /// <summary>A query parameter named by <see cref="WebSocketSignallingOptions.TokenQueryParameter"/> (for hosts that cannot set headers).</summary>
    QueryString,
}

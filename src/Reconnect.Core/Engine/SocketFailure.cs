using Reconnect.Core.Policies;

namespace Reconnect.Core.Engine;

/// <summary>
/// Why the latest socket attempt ended: a close whose code is classified, or the local network being unreachable,
/// which reached no server and so has no close code.
/// </summary>
/// <param name="Close">The close code's classification; null when the local network was unreachable.</param>
/// <param name="Name">The failure's name in notices, such as <c>invalid_token</c> or <c>network_unreachable</c>.</param>
/// <param name="Detail">What happened and where, as the port (or the engine, for a socket it killed) reported it; may be empty.</param>
internal sealed record SocketFailure(CloseClassification? Close, string Name, string Detail)
{
    /// <summary>True when the local network was unreachable: wait offline and probe, without spending the attempt budget.</summary>
    public bool IsLocalOutage => Close is null;

    /// <summary>A close with a code.</summary>
    public static SocketFailure Closed(CloseClassification close, string detail) => new(close, close.Name, detail);

    /// <summary>The local network was unreachable.</summary>
    public static SocketFailure Unreachable(string detail) => new(null, "network_unreachable", detail);
}

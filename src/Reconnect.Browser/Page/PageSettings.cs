using System.Web;

namespace Reconnect.Browser.Page;

/// <summary>What the page's address asks for (see the call page's contract): room, name, autojoin, relay-only, signalling URL, policy.</summary>
/// <param name="Room">The channel to join, if named.</param>
/// <param name="Name">The local peer's display name.</param>
/// <param name="AutoJoin">True to join at once.</param>
/// <param name="RelayOnly">True to set <c>iceTransportPolicy: "relay"</c>.</param>
/// <param name="Signal">The signalling WebSocket URL, if overridden.</param>
/// <param name="Policy">How the engine reconnects.</param>
internal sealed record PageSettings(string Room, string Name, bool AutoJoin, bool RelayOnly, Uri? Signal, CallPolicy Policy)
{
    /// <summary>Reads a query string (<c>?room=R&amp;name=N&amp;autojoin=1&amp;relay=1&amp;signal=ws://...&amp;policy=baseline</c>); an unknown policy is refused.</summary>
    public static PageSettings Parse(string query)
    {
        var values = HttpUtility.ParseQueryString(query);
        var signal = values["signal"] is { Length: > 0 } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
        return new PageSettings(values["room"] ?? string.Empty, values["name"] is { Length: > 0 } name ? name : "guest", values["autojoin"] == "1", values["relay"] == "1", signal, CallPolicies.Parse(values["policy"]));
    }

    /// <summary>The signalling endpoint: the override, or <c>/signal</c> on the page's own origin.</summary>
    public Uri SignalEndpoint(Uri origin) => Signal ?? new UriBuilder(origin) { Scheme = origin.Scheme == "https" ? "wss" : "ws", Path = "/signal" }.Uri;
}

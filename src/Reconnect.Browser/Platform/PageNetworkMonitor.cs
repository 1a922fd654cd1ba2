namespace Reconnect.Browser.Platform;

/// <summary>
/// The browser's word on the network as a network monitor: <c>offline</c> and <c>online</c> events, and the Network
/// Information API's connection type. Only a new type (a known one, after another known one: Wi-Fi to cellular) is an
/// address change; the API's <c>change</c> event also fires when only its latency and bandwidth estimates move, and
/// desktop Chromium reports no type at all, so a change without a new known type is no network news.
/// </summary>
internal sealed class PageNetworkMonitor : INetworkMonitor
{
    private static readonly HashSet<string> UnknownTypes = new(StringComparer.Ordinal) { string.Empty, "unknown", "none", "other" };

    private string? _type;

    public event EventHandler<NetworkChangedEventArgs>? NetworkChanged;

    /// <summary>Reports what the page heard: <c>online</c> or <c>offline</c>; anything else is no network news.</summary>
    public void Heard(string what)
    {
        NetworkChange? change = what switch
        {
            "offline" => NetworkChange.Offline,
            "online" => NetworkChange.Online,
            _ => null,
        };
        if (change is { } known)
        {
            Raise(known);
        }
    }

    /// <summary>
    /// Reports the connection type the page reads now (<c>navigator.connection.type</c>, empty when the browser has
    /// none), on load and on each <c>change</c> event: a known type other than the last known one is an address change.
    /// </summary>
    public void ConnectionIs(string type)
    {
        if (UnknownTypes.Contains(type))
        {
            return;
        }

        var previous = _type;
        _type = type;
        if (previous is not null && previous != type)
        {
            Raise(NetworkChange.AddressChanged);
        }
    }

    public void Dispose() => NetworkChanged = null;

    private void Raise(NetworkChange change) => NetworkChanged?.Invoke(this, new NetworkChangedEventArgs(change));
}

namespace Reconnect.Browser.Platform;

/// <summary>
/// The browser's word on the network as a network monitor: <c>offline</c> and <c>online</c> events, and a change of the
/// Network Information API's connection (a new network: the local address changed).
/// </summary>
internal sealed class PageNetworkMonitor : INetworkMonitor
{
    public event EventHandler<NetworkChangedEventArgs>? NetworkChanged;

    /// <summary>Reports what the page heard: <c>online</c>, <c>offline</c> or <c>change</c>; anything else is no network news.</summary>
    public void Heard(string what)
    {
        NetworkChange? change = what switch
        {
            "offline" => NetworkChange.Offline,
            "online" => NetworkChange.Online,
            "change" => NetworkChange.AddressChanged,
            _ => null,
        };
        if (change is { } known)
        {
            NetworkChanged?.Invoke(this, new NetworkChangedEventArgs(known));
        }
    }

    public void Dispose() => NetworkChanged = null;
}

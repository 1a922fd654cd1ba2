using Reconnect.Core.Ports;
using OsNetworkChange = System.Net.NetworkInformation.NetworkChange;

namespace Reconnect;

/// <summary>
/// The operating system's view through <see cref="OsNetworkChange"/>: availability lost or regained is
/// <see cref="NetworkChange.Offline"/> or <see cref="NetworkChange.Online"/>, an address change is
/// <see cref="NetworkChange.AddressChanged"/>. Subscribes when created, unsubscribes when disposed.
/// </summary>
public sealed class SystemNetworkMonitor : INetworkMonitor
{
    private int _disposed;

    /// <summary>Starts listening to the operating system's network events.</summary>
    public SystemNetworkMonitor()
    {
        OsNetworkChange.NetworkAvailabilityChanged += OnAvailabilityChanged;
        OsNetworkChange.NetworkAddressChanged += OnAddressChanged;
    }

    /// <inheritdoc />
    public event EventHandler<NetworkChangedEventArgs>? NetworkChanged;

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            OsNetworkChange.NetworkAvailabilityChanged -= OnAvailabilityChanged;
            OsNetworkChange.NetworkAddressChanged -= OnAddressChanged;
        }
    }

    private void OnAvailabilityChanged(object? sender, System.Net.NetworkInformation.NetworkAvailabilityEventArgs e) =>
        NetworkChanged?.Invoke(this, new NetworkChangedEventArgs(e.IsAvailable ? NetworkChange.Online : NetworkChange.Offline));

    private void OnAddressChanged(object? sender, EventArgs e) =>
        NetworkChanged?.Invoke(this, new NetworkChangedEventArgs(NetworkChange.AddressChanged));
}

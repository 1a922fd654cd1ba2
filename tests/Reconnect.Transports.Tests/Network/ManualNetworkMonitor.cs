using Reconnect.Core.Ports;

namespace Reconnect.Transports.Tests.Network;

/// <summary>A network monitor a test drives by hand.</summary>
internal sealed class ManualNetworkMonitor : INetworkMonitor
{
    public event EventHandler<NetworkChangedEventArgs>? NetworkChanged;

    public bool Disposed { get; private set; }

    public bool HasSubscribers => NetworkChanged is not null;

    public void Raise(NetworkChange change) => NetworkChanged?.Invoke(this, new NetworkChangedEventArgs(change));

    public void Dispose() => Disposed = true;
}

using Reconnect.Core.Ports;

namespace Reconnect;

/// <summary>One network change a <see cref="INetworkMonitor"/> reports.</summary>
/// <param name="change">What changed.</param>
public sealed class NetworkChangedEventArgs(NetworkChange change) : EventArgs
{
    /// <summary>What changed.</summary>
    public NetworkChange Change { get; } = change;
}

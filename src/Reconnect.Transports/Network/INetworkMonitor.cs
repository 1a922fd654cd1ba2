namespace Reconnect;

/// <summary>
/// Tells a client what the operating system says about the network: a client subscribes to the monitor its transport
/// creates and feeds each change to its engine, so the application does not have to. Disposing stops the reports.
/// </summary>
public interface INetworkMonitor : IDisposable
{
    /// <summary>Raised on any thread when the network goes away, comes back, or the local address changes.</summary>
    event EventHandler<NetworkChangedEventArgs>? NetworkChanged;
}

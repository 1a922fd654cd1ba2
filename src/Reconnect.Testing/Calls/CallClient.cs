using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Network;
using Reconnect.Testing.Time;
using Reconnect.Testing.World;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.Calls;

/// <summary>
/// One client of a <see cref="VirtualCall"/> as faults and checks see it: its host, ports, clock and token provider,
/// and its app, whose commands a fault gives through the client's own API (their outcome is the client's to report).
/// </summary>
internal sealed class CallClient(string name, SimHost host, HostClock clock, CallTokenProvider token, VirtualCallTransport transport, ReconnectClient client)
    : IFaultPeer, ICheckedPeer
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new SortedDictionary<string, string>(StringComparer.Ordinal);

    private string? _channel;

    public string Name => name;

    public ReconnectClient Client => client;

    public SimHost Host => host;

    public HostClock Clock => clock;

    public ITokenFaults Token => token;

    public InMemorySignallingPort Signalling => transport.Signalling!;

    public InMemoryMediaPort? Media => transport.Media;

    public CallEngine Engine => client.Pump.Engine;

    public bool IsAsleep => client.Pump.IsPaused;

    public int OpenMediaConnections => transport.Media?.Connections.Count ?? 0;

    public bool IsSignallingOpen => transport.Signalling?.IsOpen ?? false;

    /// <summary>The channel the server last admitted the client to.</summary>
    /// <exception cref="InvalidOperationException">The client never joined a channel.</exception>
    public string Channel => _channel ?? throw new InvalidOperationException($"{name} has not joined a channel yet, so a fault cannot name its channel.");

    /// <summary>The server admitted the client to a channel.</summary>
    public void Admitted(string channel) => _channel = channel;

    public void Signal(NetworkChange change) => client.NotifyNetworkChanged(change);

    public void Sleep() => client.Pump.Pause();

    public void Wake() => client.Pump.Resume();

    public void Join() => Observe(client.JoinAsync(Channel, name));

    public void Leave() => Observe(client.LeaveAsync());

    public void Close() => Observe(client.CloseAsync());

    public void Publish(string streamId) => Observe(client.PublishAsync(new StreamInfo(streamId, NoMetadata)));

    public void Unpublish(string streamId) => Observe(client.UnpublishAsync(streamId));

    public void ReplaceTrack(string streamId, string trackId) => Observe(client.ReplaceTrackAsync(streamId, trackId));

    public void RetryNow() => Observe(client.RetryNowAsync());

    public void SendData(string remotePeerId, string label, ReadOnlyMemory<byte> payload) => Observe(client.SendDataAsync(remotePeerId, label, payload));

    /// <summary>A command's failure is the client's to report (an error event, a closed client): it is observed, not thrown.</summary>
    private static void Observe(Task command) =>
        _ = command.ContinueWith(static done => done.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}

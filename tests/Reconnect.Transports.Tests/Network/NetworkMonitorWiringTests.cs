using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Ports;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Network;

/// <summary>A client feeds its transport's network monitor to the engine by itself, and lets go of it when it closes.</summary>
public sealed class NetworkMonitorWiringTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_monitor_of_the_transport_reaches_the_engine_without_the_app_going_offline_drops_the_socket_and_online_heals_it()
    {
        await using var call = new TestCall();
        var monitor = new ManualNetworkMonitor();
        var alice = call.Client("alice", monitor: monitor);
        var states = new List<LocalPeerState>();
        alice.StateChanged += (_, e) => states.Add(e.To);
        var join = alice.JoinAsync("room", "alice", null, Ct);
        call.Run(TimeSpan.FromSeconds(5));
        await join.WaitAsync(TestCall.Patience, Ct);

        monitor.Raise(NetworkChange.Offline);
        call.Run(TimeSpan.FromSeconds(1));
        monitor.Raise(NetworkChange.Online);
        call.Run(TimeSpan.FromSeconds(10));
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);

        Assert.Equal([LocalPeerState.Joining, LocalPeerState.Joined, LocalPeerState.Reconnecting, LocalPeerState.Joined], states);
    }

    [Fact]
    public async Task Closing_the_client_unsubscribes_and_disposes_its_monitor()
    {
        var monitor = new ManualNetworkMonitor();
        await using var call = new TestCall();
        var alice = call.Client("alice", monitor: monitor);
        Assert.True(monitor.HasSubscribers);

        await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);

        Assert.False(monitor.HasSubscribers);
        Assert.True(monitor.Disposed);
        monitor.Raise(NetworkChange.Offline);
    }
}

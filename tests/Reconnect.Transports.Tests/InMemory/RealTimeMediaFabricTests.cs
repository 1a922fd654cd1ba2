using Reconnect.Transports.InMemory;
using Reconnect.Transports.Tests.WebSockets.Support;

namespace Reconnect.Transports.Tests.InMemory;

public sealed class RealTimeMediaFabricTests
{
    [Fact]
    public void A_host_gets_one_media_port_and_an_address_of_its_own()
    {
        var fabric = new RealTimeMediaFabric();
        fabric.CreatePort("a", new RecordingSink());
        fabric.CreatePort("b", new RecordingSink());

        Assert.Throws<ArgumentException>(() => fabric.CreatePort("a", new RecordingSink()));
        Assert.NotEqual(fabric.AddressOf("a"), fabric.AddressOf("b"));
        Assert.True(fabric.IsOnline("a"));
        Assert.False(fabric.IsOnline("c"));
    }

    [Fact]
    public async Task A_packet_reaches_the_host_holding_the_address_and_is_dropped_from_a_wrong_address_or_to_nobody()
    {
        var fabric = new RealTimeMediaFabric();
        fabric.CreatePort("a", new RecordingSink());
        fabric.CreatePort("b", new RecordingSink());
        var delivered = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.False(fabric.SendToAddress("a", fabric.AddressOf("b"), fabric.AddressOf("b"), _ => { }));
        Assert.False(fabric.SendToAddress("a", fabric.AddressOf("a"), "10.9.9.9", _ => { }));
        Assert.True(fabric.SendToAddress("a", fabric.AddressOf("a"), fabric.AddressOf("b"), delivered.SetResult));

        Assert.Equal("b", await delivered.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }
}

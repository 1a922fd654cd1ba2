using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Reconnect.TestSupport.Proxy;

namespace Reconnect.Transports.Tests.Proxy;

/// <summary>
/// The fault-injecting proxy over plain TCP, in real time. Timing is only ever asserted as a lower bound (a delay or a
/// throttle makes bytes late, never early), which a loaded machine cannot break.
/// </summary>
public sealed class FaultProxyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pass_forwards_both_ways()
    {
        using var target = new TcpTarget();
        await using var proxy = new FaultProxy(target.EndPoint);
        using var client = await ConnectAsync(proxy);
        var server = await target.AcceptedAsync(Ct);

        await SendAsync(client, "up");
        Assert.Equal("up", await ReceiveAsync(server, 2));
        await SendAsync(server, "down");
        Assert.Equal("down", await ReceiveAsync(client, 4));
    }

    [Theory]
    [InlineData(CutStyle.Reset)]
    [InlineData(CutStyle.Fin)]
    public async Task A_cut_ends_both_sides_with_a_reset_or_an_orderly_close(CutStyle style)
    {
        using var target = new TcpTarget();
        await using var proxy = new FaultProxy(target.EndPoint);
        using var client = await ConnectAsync(proxy);
        var server = await target.AcceptedAsync(Ct);
        var connection = await proxy.ConnectionAsync(0, Ct);

        proxy.CutAll(style);

        Assert.Equal(style, await EndOf(client));
        Assert.Equal(style, await EndOf(server));
        Assert.True(connection.Closed.IsCompleted);
    }

    [Fact]
    public async Task A_global_cut_cuts_every_new_connection_as_it_is_accepted()
    {
        using var target = new TcpTarget();
        await using var proxy = new FaultProxy(target.EndPoint) { Fault = ProxyFault.Cut(CutStyle.Reset) };
        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);

        var reset = await Assert.ThrowsAsync<SocketException>(async () =>
        {
            await client.ConnectAsync(proxy.EndPoint, Ct);
            await ReadToEndAsync(client);
        });

        Assert.Equal(SocketError.ConnectionReset, reset.SocketErrorCode);
        Assert.True((await proxy.ConnectionAsync(0, Ct)).Closed.IsCompleted);
    }

    [Fact]
    public async Task A_blackhole_takes_bytes_forwards_none_closes_nothing_and_releases_them_in_order_once_lifted()
    {
        using var target = new TcpTarget();
        await using var proxy = new FaultProxy(target.EndPoint);
        using var client = await ConnectAsync(proxy);
        var server = await target.AcceptedAsync(Ct);
        var connection = await proxy.ConnectionAsync(0, Ct);

        proxy.Fault = ProxyFault.Blackhole;
        await SendAsync(client, "one");
        await SendAsync(client, "two");
        client.Shutdown(SocketShutdown.Send);
        await Eventually(() => connection.BytesFromClient == 6);

        Assert.Equal(0, connection.BytesToServer);
        Assert.False(connection.Closed.IsCompleted);

        proxy.Fault = ProxyFault.Pass;
        Assert.Equal("onetwo", await ReceiveAsync(server, 6));
        Assert.Equal(CutStyle.Fin, await EndOf(server));
    }

    [Fact]
    public async Task A_connection_fault_overrides_the_proxy_fault_for_that_connection_only()
    {
        using var target = new TcpTarget();
        await using var proxy = new FaultProxy(target.EndPoint);
        using var held = await ConnectAsync(proxy);
        var heldServer = await target.AcceptedAsync(Ct);
        using var free = await ConnectAsync(proxy);
        var freeServer = await target.AcceptedAsync(Ct);
        var heldConnection = await proxy.ConnectionAsync(0, Ct);
        await proxy.ConnectionAsync(1, Ct);

        heldConnection.Fault = ProxyFault.Blackhole;
        await SendAsync(held, "held");
        await SendAsync(free, "free");

        Assert.Equal("free", await ReceiveAsync(freeServer, 4));
        await Eventually(() => heldConnection.BytesFromClient == 4);
        Assert.Equal(0, heldConnection.BytesToServer);

        heldConnection.Fault = null;
        Assert.Equal("held", await ReceiveAsync(heldServer, 4));
    }

    [Fact]
    public async Task A_delay_hands_each_chunk_on_no_sooner_than_its_latency()
    {
        using var target = new TcpTarget();
        await using var proxy = new FaultProxy(target.EndPoint) { Fault = ProxyFault.Delay(TimeSpan.FromMilliseconds(300)) };
        using var client = await ConnectAsync(proxy);
        var server = await target.AcceptedAsync(Ct);
        var clock = Stopwatch.StartNew();

        await SendAsync(client, "late");

        Assert.Equal("late", await ReceiveAsync(server, 4));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300), $"arrived after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_throttle_hands_bytes_on_no_faster_than_its_rate()
    {
        using var target = new TcpTarget();
        await using var proxy = new FaultProxy(target.EndPoint) { Fault = ProxyFault.Throttle(20_000) };
        using var client = await ConnectAsync(proxy);
        var server = await target.AcceptedAsync(Ct);
        var payload = new string('t', 10_000);
        var clock = Stopwatch.StartNew();

        await SendAsync(client, payload);

        Assert.Equal(payload, await ReceiveAsync(server, payload.Length));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(450), $"10 kB at 20 kB/s arrived after {clock.Elapsed}");
    }

    [Fact]
    public async Task Disposing_resets_every_connection()
    {
        using var target = new TcpTarget();
        var proxy = new FaultProxy(target.EndPoint);
        using var client = await ConnectAsync(proxy);
        await proxy.ConnectionAsync(0, Ct);

        await proxy.DisposeAsync();

        Assert.Equal(CutStyle.Reset, await EndOf(client));
    }

    private static async Task<Socket> ConnectAsync(FaultProxy proxy)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(proxy.EndPoint, Ct);
        return socket;
    }

    private static async Task SendAsync(Socket socket, string text) =>
        await socket.SendAsync(Encoding.ASCII.GetBytes(text), SocketFlags.None, Ct);

    private static async Task<string> ReceiveAsync(Socket socket, int length)
    {
        var buffer = new byte[length];
        var read = 0;
        while (read < length)
        {
            var count = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, Ct).AsTask().WaitAsync(Patience, Ct);
            Assert.NotEqual(0, count);
            read += count;
        }

        return Encoding.ASCII.GetString(buffer);
    }

    /// <summary>How the stream ended: an orderly close (a read of 0) or a reset.</summary>
    private static async Task<CutStyle> EndOf(Socket socket)
    {
        try
        {
            await ReadToEndAsync(socket);
            return CutStyle.Fin;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return CutStyle.Reset;
        }
    }

    private static async Task ReadToEndAsync(Socket socket)
    {
        var buffer = new byte[1024];
        while (await socket.ReceiveAsync(buffer, SocketFlags.None, Ct).AsTask().WaitAsync(Patience, Ct) > 0)
        {
        }
    }

    private static async Task Eventually(Func<bool> condition)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(Patience);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), patience.Token);
        }
    }
}

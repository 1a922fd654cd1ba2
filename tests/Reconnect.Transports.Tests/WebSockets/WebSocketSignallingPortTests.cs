using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Reconnect.Core.Engine;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.TestSupport.Proxy;
using Reconnect.Transports.Tests.WebSockets.Support;

namespace Reconnect.Transports.Tests.WebSockets;

/// <summary>The WebSocket signalling port against a real Kestrel WebSocket server on loopback, in real time.</summary>
public sealed class WebSocketSignallingPortTests
{
    private static readonly TimeSpan Flush = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_open_socket_posts_SocketOpened_then_each_frame_with_its_epoch_and_the_token_rides_in_the_authorization_header()
    {
        await using var server = await TestWebSocketServer.StartAsync(async s =>
        {
            await s.SendAsync("hello");
            await s.ReceiveAsync();
        });
        var sink = new RecordingSink();
        await using var port = Port(server.Endpoint, sink);

        port.Open(3, "tok-3", null);

        Assert.Equal(new SocketOpened(3), await sink.NextAsync<SocketOpened>());
        Assert.Equal(new FrameReceived(3, "hello"), await sink.NextAsync<FrameReceived>());
        Assert.Equal("Bearer tok-3", (await server.AcceptedAsync()).Authorization);
    }

    [Fact]
    public async Task A_grants_headers_are_added_to_the_configured_ones_and_replace_those_of_the_same_name()
    {
        await using var server = await TestWebSocketServer.StartAsync(s => s.ReceiveAsync());
        var sink = new RecordingSink();
        var configured = new Dictionary<string, string>(StringComparer.Ordinal) { ["X-Region"] = "eu", ["X-App"] = "demo" };
        await using var port = Port(server.Endpoint, sink, o => o with { Headers = configured });

        port.Open(1, "t", new SignallingRoute(null, new Dictionary<string, string>(StringComparer.Ordinal) { ["X-Region"] = "us", ["X-Edge"] = "7" }));

        var headers = (await server.AcceptedAsync()).Headers;
        Assert.Equal(("us", "demo", "7"), (headers["X-Region"], headers["X-App"], headers["X-Edge"]));
    }

    [Fact]
    public async Task An_endpoint_named_by_the_grant_is_used_instead_of_the_configured_one()
    {
        await using var server = await TestWebSocketServer.StartAsync(s => s.ReceiveAsync());
        var sink = new RecordingSink();
        await using var port = Port(new Uri($"ws://127.0.0.1:{ClosedPort.Next()}/signal"), sink);

        port.Open(1, "t", new SignallingRoute(server.Endpoint, new Dictionary<string, string>()));

        Assert.Equal(new SocketOpened(1), await sink.NextAsync<SocketOpened>());
        Assert.Equal("Bearer t", (await server.AcceptedAsync()).Authorization);
    }

    [Fact]
    public async Task The_token_rides_in_the_query_when_placed_there()
    {
        await using var server = await TestWebSocketServer.StartAsync(s => s.ReceiveAsync());
        var sink = new RecordingSink();
        await using var port = Port(server.Endpoint, sink, o => o with { TokenPlacement = TokenPlacement.QueryString });

        port.Open(1, "a b&c", null);

        var accepted = await server.AcceptedAsync();
        Assert.Equal("a b&c", accepted.QueryToken);
        Assert.Equal(string.Empty, accepted.Authorization);
    }

    [Fact]
    public async Task Sent_frames_reach_the_server_in_order()
    {
        var received = new TaskCompletionSource<string[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await TestWebSocketServer.StartAsync(async s =>
        {
            received.SetResult([(await s.ReceiveAsync())!, (await s.ReceiveAsync())!, (await s.ReceiveAsync())!]);
            await s.ReceiveAsync();
        });
        var sink = new RecordingSink();
        await using var port = Port(server.Endpoint, sink);
        port.Open(1, "t", null);
        await sink.NextAsync<SocketOpened>();

        port.Send(1, "a");
        port.Send(1, "b");
        port.Send(1, "c");

        Assert.Equal(["a", "b", "c"], await received.Task.WaitAsync(Patience.Long, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(CloseCodes.AdminDisconnect, "kicked")]
    [InlineData(CloseCodes.TokenExpired, "token expired")]
    [InlineData(CloseCodes.GoingAway, "shutting down")]
    [InlineData(3999, "an application code")]
    public async Task A_close_frame_from_the_server_is_SocketClosed_with_its_code_and_reason(int code, string reason)
    {
        await using var server = await TestWebSocketServer.StartAsync(s =>
            s.Socket.CloseAsync((WebSocketCloseStatus)code, reason, CancellationToken.None));
        var sink = new RecordingSink();
        await using var port = Port(server.Endpoint, sink);

        port.Open(2, "t", null);

        Assert.Equal(new SocketClosed(2, code, reason), await sink.NextAsync<SocketClosed>());
    }

    [Fact]
    public async Task A_refused_connect_is_the_refusal_close_code_not_an_unreachable_network()
    {
        var sink = new RecordingSink();
        await using var port = Port(new Uri($"ws://127.0.0.1:{ClosedPort.Next()}/ws"), sink);

        port.Open(1, "t", null);

        var closed = await sink.NextAsync<SocketClosed>();
        Assert.Equal((1, CloseCodes.ConnectionRefused), (closed.Epoch, closed.Code));
    }

    [Fact]
    public async Task A_connect_that_gets_no_answer_closes_with_1006_after_the_connect_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var sink = new RecordingSink();
        var endpoint = $"ws://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/ws";
        await using var port = Port(new Uri(endpoint), sink, o => o with { ConnectTimeout = TimeSpan.FromMilliseconds(300) });

        port.Open(1, "t", null);

        var closed = await sink.NextAsync<SocketClosed>();
        Assert.Equal((1, CloseCodes.Abnormal, $"connect timed out ({endpoint})"), (closed.Epoch, closed.Code, closed.Reason));
    }

    [Theory]
    [InlineData(CutStyle.Reset)]
    [InlineData(CutStyle.Fin)]
    public async Task A_connection_cut_under_the_socket_is_SocketClosed_1006(CutStyle style)
    {
        await using var server = await TestWebSocketServer.StartAsync(s => s.ReceiveAsync());
        await using var proxy = new FaultProxy(server.TcpEndPoint);
        var sink = new RecordingSink();
        await using var port = Port(Through(proxy, server), sink);
        port.Open(1, "t", null);
        await sink.NextAsync<SocketOpened>();

        proxy.CutAll(style);

        var closed = await sink.NextAsync<SocketClosed>();
        Assert.Equal((1, CloseCodes.Abnormal), (closed.Epoch, closed.Code));
    }

    [Fact]
    public async Task A_blackholed_socket_is_not_closed_by_the_port_and_the_proxy_forwards_nothing_until_the_path_heals()
    {
        var received = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await TestWebSocketServer.StartAsync(async s =>
        {
            received.SetResult(await s.ReceiveAsync());
            await s.ReceiveAsync();
        });
        await using var proxy = new FaultProxy(server.TcpEndPoint);
        var sink = new RecordingSink();
        await using var port = Port(Through(proxy, server), sink);
        port.Open(1, "t", null);
        await sink.NextAsync<SocketOpened>();
        var connection = await proxy.ConnectionAsync(0, TestContext.Current.CancellationToken);
        var (taken, forwarded) = (connection.BytesFromClient, connection.BytesToServer);

        connection.Fault = ProxyFault.Blackhole;
        port.Send(1, "ping");
        await Eventually(() => connection.BytesFromClient > taken);

        Assert.Equal(forwarded, connection.BytesToServer);
        Assert.False(connection.Closed.IsCompleted);
        Assert.False(received.Task.IsCompleted);

        connection.Fault = null;
        Assert.Equal("ping", await received.Task.WaitAsync(Patience.Long, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task With_a_keep_alive_timeout_a_blackholed_socket_ends_with_1006_when_its_ping_goes_unanswered()
    {
        await using var server = await TestWebSocketServer.StartAsync(s => s.ReceiveAsync());
        await using var proxy = new FaultProxy(server.TcpEndPoint);
        var sink = new RecordingSink();
        await using var port = Port(Through(proxy, server), sink, o => o with
        {
            KeepAliveInterval = TimeSpan.FromMilliseconds(200),
            KeepAliveTimeout = TimeSpan.FromMilliseconds(500),
        });
        port.Open(1, "t", null);
        await sink.NextAsync<SocketOpened>();

        proxy.Fault = ProxyFault.Blackhole;

        var closed = await sink.NextAsync<SocketClosed>();
        Assert.Equal((1, CloseCodes.Abnormal), (closed.Epoch, closed.Code));
        Assert.False((await proxy.ConnectionAsync(0, TestContext.Current.CancellationToken)).Closed.IsCompleted);
    }

    [Fact]
    public async Task Every_event_of_a_superseded_socket_carries_that_socket_epoch()
    {
        await using var server = await TestWebSocketServer.StartAsync(async s =>
        {
            if (await s.ReceiveAsync() is null && s.Socket.CloseStatusDescription == "superseded by a newer socket")
            {
                await s.SendAsync("late");
                await s.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
        });
        var sink = new RecordingSink();
        await using var port = Port(server.Endpoint, sink);
        port.Open(1, "t", null);
        await sink.NextAsync<SocketOpened>(o => o.Epoch == 1);

        port.Open(2, "t", null);

        Assert.Equal(new SocketClosed(1, CloseCodes.Normal, "bye"), await sink.NextAsync<SocketClosed>());
        if (!sink.Seen.Contains(new SocketOpened(2)))
        {
            await sink.NextAsync<SocketOpened>(o => o.Epoch == 2);
        }

        Assert.Contains(new FrameReceived(1, "late"), sink.Seen);
        Assert.DoesNotContain(sink.Seen, i => i is SocketClosed { Epoch: 2 } or FrameReceived { Epoch: 2 });
    }

    [Fact]
    public async Task A_send_that_finds_the_queue_full_closes_that_socket_with_the_overflow_code()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await TestWebSocketServer.StartAsync(_ => release.Task);
        var sink = new RecordingSink();
        await using var port = Port(server.Endpoint, sink, o => o with { SendQueueCapacity = 2 });
        port.Open(1, "t", null);
        await sink.NextAsync<SocketOpened>();
        var frame = new string('x', 1024 * 1024);

        for (var i = 0; i < 256; i++)
        {
            port.Send(1, frame);
        }

        var closed = await sink.NextAsync<SocketClosed>();
        release.SetResult();
        Assert.Equal(new SocketClosed(1, CloseCodes.SendQueueOverflow, "send queue overflow"), closed);
    }

    [Fact]
    public async Task A_close_sends_every_queued_frame_before_the_close_frame_with_its_code()
    {
        var received = new TaskCompletionSource<(int Frames, WebSocketCloseStatus? Code, string? Reason)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await TestWebSocketServer.StartAsync(async s =>
        {
            var frames = 0;
            while (await s.ReceiveAsync() is not null)
            {
                frames++;
            }

            received.SetResult((frames, s.Socket.CloseStatus, s.Socket.CloseStatusDescription));
        });
        var sink = new RecordingSink();
        await using var port = Port(server.Endpoint, sink);
        port.Open(1, "t", null);
        await sink.NextAsync<SocketOpened>();
        var frame = new string('y', 64 * 1024);

        for (var i = 0; i < 50; i++)
        {
            port.Send(1, frame);
        }

        port.Close(1, CloseCodes.Normal, "leaving", Flush);

        Assert.Equal((50, WebSocketCloseStatus.NormalClosure, "leaving"), await received.Task.WaitAsync(Patience.Long, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_frame_over_the_limit_closes_the_socket_with_1009()
    {
        await using var server = await TestWebSocketServer.StartAsync(async s =>
        {
            await s.SendAsync(new string('z', 4096));
            await s.ReceiveAsync();
        });
        var sink = new RecordingSink();
        await using var port = Port(server.Endpoint, sink, o => o with { MaxFrameBytes = 1024 });

        port.Open(1, "t", null);

        Assert.Equal(new SocketClosed(1, (int)WebSocketCloseStatus.MessageTooBig, "frame too big"), await sink.NextAsync<SocketClosed>());
        Assert.DoesNotContain(sink.Seen, i => i is FrameReceived);
    }

    internal static WebSocketSignallingPort Port(Uri endpoint, RecordingSink sink, Func<WebSocketSignallingOptions, WebSocketSignallingOptions>? configure = null)
    {
        var options = new WebSocketSignallingOptions { Endpoint = endpoint };
        return new WebSocketSignallingPort(configure?.Invoke(options) ?? options, sink);
    }

    private static Uri Through(FaultProxy proxy, TestWebSocketServer server) =>
        new UriBuilder(server.Endpoint) { Port = proxy.EndPoint.Port }.Uri;

    private static async Task Eventually(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience.Long);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), patience.Token);
        }
    }
}

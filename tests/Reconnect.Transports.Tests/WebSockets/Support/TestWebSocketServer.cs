using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Reconnect.Transports.Tests.WebSockets.Support;

/// <summary>
/// A tiny Kestrel WebSocket server on a loopback port of its own: each accepted socket is handed, with its upgrade
/// request, to the script the test gives; the script's end closes the socket.
/// </summary>
internal sealed class TestWebSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<AcceptedSocket> _accepted = System.Threading.Channels.Channel.CreateUnbounded<AcceptedSocket>();

    private TestWebSocketServer(WebApplication app) => _app = app;

    /// <summary>The server's socket endpoint, <c>ws://127.0.0.1:port/ws</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The server's TCP endpoint, for a proxy in front of it.</summary>
    public IPEndPoint TcpEndPoint => new(IPAddress.Loopback, Endpoint.Port);

    public static async Task<TestWebSocketServer> StartAsync(Func<AcceptedSocket, Task> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new TestWebSocketServer(app);
        app.UseWebSockets();
        app.Map("/ws", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var accepted = new AcceptedSocket(
                socket,
                context.Request.Headers.Authorization.ToString(),
                context.Request.Query["access_token"].ToString(),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            server._accepted.Writer.TryWrite(accepted);
            try
            {
                await script(accepted);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
            {
                accepted.Fail(ex);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws");
        return server;
    }

    /// <summary>The next socket the server accepted.</summary>
    public async Task<AcceptedSocket> AcceptedAsync() => await _accepted.Reader.ReadAsync().AsTask().WaitAsync(Patience.Long);

    public async ValueTask DisposeAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(bound.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>One socket the test server accepted, with what its upgrade request carried.</summary>
internal sealed class AcceptedSocket(WebSocket socket, string authorization, string queryToken, IReadOnlyDictionary<string, string> headers)
{
    /// <summary>Every request header of the upgrade, by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    private readonly TaskCompletionSource<Exception> _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WebSocket Socket { get; } = socket;

    public string Authorization { get; } = authorization;

    public string QueryToken { get; } = queryToken;

    /// <summary>Completes when the script failed on a broken socket.</summary>
    public Task<Exception> Failed => _failed.Task;

    public Task SendAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Reads the next message: its text, or null when it was a close (the close status is then on <see cref="Socket"/>).</summary>
    public async Task<string?> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    internal void Fail(Exception error) => _failed.TrySetResult(error);
}

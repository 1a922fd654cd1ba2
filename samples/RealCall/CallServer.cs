using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Reconnect.Server;

namespace Reconnect.Samples.RealCall;

/// <summary>The signalling server in this process on a free loopback port, with dev tokens and a known admin key.</summary>
public sealed class CallServer : IAsyncDisposable
{
    /// <summary>The admin key the in-process server is started with.</summary>
    public const string AdminKey = "realcall-admin-key-0123456789";

    private readonly WebApplication _app;

    private CallServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The server's HTTP address.</summary>
    public Uri BaseUri { get; }

    /// <summary>Starts the server; <paramref name="settings"/> override <c>Reconnect:</c> settings (such as a shorter grace).</summary>
    public static Task<CallServer> StartAsync(CancellationToken cancellationToken, params (string Key, string Value)[] settings) =>
        StartAsync(0, cancellationToken, settings);

    /// <summary>Starts the server on <paramref name="port"/> (0: a free one), to start it again on the same port after a stop.</summary>
    public static async Task<CallServer> StartAsync(int port, CancellationToken cancellationToken, params (string Key, string Value)[] settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string[] args =
        [
            "--urls", $"http://127.0.0.1:{port}",
            "--environment", "Development",
            "--Logging:LogLevel:Default=Warning",
            "--Reconnect:DevTokens=true",
            $"--Reconnect:AdminKey={AdminKey}",
            .. settings.Select(s => $"--Reconnect:{s.Key}={s.Value}"),
        ];
        var app = ReconnectServer.Build(args);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CallServer(app, new Uri(address));
    }

    /// <summary>Stops the server gracefully: every client gets a going-away and a 1012 close.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reconnect.Server.Auth;

namespace Reconnect.Server.Tests;

/// <summary>The real server on a free loopback port, with test keys and any settings overridden.</summary>
internal sealed class LiveServer : IAsyncDisposable
{
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS10ZXN0LXNpZ25pbmcta2V5LTAxMjM0NQ==";
    public const string AdminKey = "test-admin-key-0123456789";

    private readonly WebApplication app;
    private bool stopped;

    private LiveServer(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public Uri SignalUri => new($"ws://{BaseUri.Authority}/signal");

    public JwtTokens Tokens => app.Services.GetRequiredService<JwtTokens>();

    /// <summary>What the server logged at Information or above.</summary>
    public LogCapture Logs { get; private init; } = new();

    public static Task<LiveServer> StartAsync(params (string Key, string Value)[] settings) =>
        StartAsync("Development", settings);

    public static Task<LiveServer> StartAsync(string environment, params (string Key, string Value)[] settings) =>
        StartAsync(environment, [], settings);

    /// <summary>Starts the server with command-line switches (such as <c>--call-page</c>) besides the settings.</summary>
    public static async Task<LiveServer> StartAsync(string environment, IReadOnlyList<string> switches, params (string Key, string Value)[] settings)
    {
        var args = new List<string>(switches)
        {
            "--urls", "http://127.0.0.1:0",
            "--environment", environment,
            "--Logging:LogLevel:Default=Warning",
            $"--Reconnect:SigningKey={SigningKey}",
            $"--Reconnect:AdminKey={AdminKey}",
            "--Reconnect:ChannelLoops=2",
        };
        args.AddRange(settings.Select(s => $"--Reconnect:{s.Key}={s.Value}"));
        var logs = new LogCapture();
        var app = ReconnectServer.Build([.. args], builder => builder.Logging.AddProvider(logs).AddFilter<LogCapture>("Reconnect", LogLevel.Information));
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveServer(app, new Uri(address)) { Logs = logs };
    }

    public string Token(string account, string? channel = null, int? lifetimeSeconds = null, string? peerId = null) =>
        Tokens.Issue(new TokenRequest(account, peerId, channel, LifetimeSeconds: lifetimeSeconds));

    public Task<RawClient> JoinAsync(string peerId, string channel = "room-42") => JoinWithAsync(Token(peerId), peerId, channel);

    /// <summary>Connects with a given token and sends the join.</summary>
    public async Task<RawClient> JoinWithAsync(string token, string peerId, string channel = "room-42")
    {
        var client = await RawClient.ConnectAsync(SignalUri, token);
        await client.SendJoinAsync(channel, peerId);
        return client;
    }

    /// <summary>Connects with a given token, joins and waits for the welcome.</summary>
    public async Task<RawClient> JoinedWithAsync(string token, string peerId, string channel = "room-42")
    {
        var client = await JoinWithAsync(token, peerId, channel);
        await client.ExpectAsync<Reconnect.Core.Protocol.WelcomeMessage>();
        return client;
    }

    /// <summary>Joins and waits for the welcome.</summary>
    public Task<RawClient> JoinedAsync(string peerId, string channel = "room-42") => JoinedWithAsync(Token(peerId), peerId, channel);

    public Task StopAsync()
    {
        stopped = true;
        return app.StopAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopped)
        {
            await app.StopAsync(CancellationToken.None);
        }

        await app.DisposeAsync();
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Reconnect.Server.Auth;
using Reconnect.Server.Endpoints;
using Reconnect.Server.Hosting;
using Reconnect.Server.Signalling;

namespace Reconnect.Server;

/// <summary>Builds the signalling server: settings, services and endpoints.</summary>
public static class ReconnectServer
{
    /// <summary>Builds the app from command-line arguments; <paramref name="configure"/> may replace services (tests).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var callPage = args.Contains(CallPageEndpoints.Switch, StringComparer.Ordinal);
        var builder = WebApplication.CreateBuilder([.. args.Where(a => a != CallPageEndpoints.Switch)]);
        if (callPage)
        {
            builder.Configuration.AddInMemoryCollection([
                KeyValuePair.Create<string, string?>($"{ReconnectServerOptions.Section}:{nameof(ReconnectServerOptions.CallPage)}", "true"),
                KeyValuePair.Create<string, string?>($"{ReconnectServerOptions.Section}:{nameof(ReconnectServerOptions.DevTokens)}", "true"),
            ]);
        }

        var generated = GenerateDevelopmentKeys(builder);
        builder.Services.AddOptions<ReconnectServerOptions>()
            .Bind(builder.Configuration.GetSection(ReconnectServerOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReconnectServerOptions>, ReconnectServerOptionsValidator>();
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ReconnectServerOptions>>((kestrel, settings) => kestrel.Limits.RequestHeadersTimeout = settings.Value.UpgradeTimeout);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TokenRevocations>();
        builder.Services.AddSingleton<JwtTokens>();
        builder.Services.AddSingleton<IChannelOwnership, LocalChannelOwnership>();
        builder.Services.AddSingleton<ConnectionRegistry>();
        builder.Services.AddSingleton<ConnectionLimits>();
        builder.Services.AddSingleton<SignalEndpoint>();
        builder.Services.AddHostedService<ChannelHost>();
        configure?.Invoke(builder);

        var app = builder.Build();
        foreach (var (key, value) in generated)
        {
            PrintGenerated(app.Logger, key, value);
        }

        var settings = app.Services.GetRequiredService<IOptions<ReconnectServerOptions>>().Value;
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = settings.KeepAliveInterval });
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.Map(SignalEndpoint.Path, (HttpContext context, SignalEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapAdmin();
        if (app.Environment.IsDevelopment() || settings.DevTokens)
        {
            app.MapDevToken();
        }

        if (settings.CallPage)
        {
            app.MapCallPage();
        }

        return app;
    }

    /// <summary>In Development, fills an empty signing key or admin key with a random one for this run.</summary>
    private static List<(string Key, string Value)> GenerateDevelopmentKeys(WebApplicationBuilder builder)
    {
        var generated = new List<(string Key, string Value)>();
        if (!builder.Environment.IsDevelopment())
        {
            return generated;
        }

        var section = builder.Configuration.GetSection(ReconnectServerOptions.Section);
        if (string.IsNullOrEmpty(section[nameof(ReconnectServerOptions.SigningKey)]))
        {
            generated.Add((nameof(ReconnectServerOptions.SigningKey), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        }

        if (string.IsNullOrEmpty(section[nameof(ReconnectServerOptions.AdminKey)]))
        {
            generated.Add((nameof(ReconnectServerOptions.AdminKey), Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
        }

        builder.Configuration.AddInMemoryCollection(generated.Select(g => KeyValuePair.Create<string, string?>($"{ReconnectServerOptions.Section}:{g.Key}", g.Value)));
        return generated;
    }

    private static void PrintGenerated(ILogger logger, string key, string value)
    {
        if (key == nameof(ReconnectServerOptions.SigningKey))
        {
            ServerLog.GeneratedSigningKey(logger, value);
        }
        else
        {
            ServerLog.GeneratedAdminKey(logger, value);
        }
    }
}

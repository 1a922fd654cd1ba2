using Microsoft.Extensions.FileProviders;
using Reconnect.Server.Auth;

namespace Reconnect.Server.Endpoints;

/// <summary>
/// The call page: the Reconnect.Browser WebAssembly app as published (trimmed), which the server's build copies to
/// <c>call-page/</c> beside the server's assembly, served at <c>/</c> (index.html by default) from the publish endpoints
/// manifest (each file with its content type, ETag and cache headers, and its precompressed <c>.br</c> or <c>.gz</c> when
/// the request accepts it, with <c>Vary: Accept-Encoding</c>); and <c>GET /dev/token?room=R&amp;name=N</c>, which answers
/// the page's token grant: <c>token</c>, <c>expiresAt</c> and the configured <c>iceServers</c>.
/// </summary>
internal static class CallPageEndpoints
{
    /// <summary>The command-line switch that turns the call page on.</summary>
    public const string Switch = "--call-page";

    /// <summary>Where the server's build puts the published app: its <c>wwwroot</c> and its endpoints manifest.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "call-page");

    /// <summary>The app's files: the web root while the call page is on, in any environment.</summary>
    public static string WebRoot { get; } = Path.Combine(Folder, "wwwroot");

    private static string Manifest { get; } = Path.Combine(Folder, "Reconnect.Browser.staticwebassets.endpoints.json");

    /// <summary>Serves the page's files and maps the page's token route.</summary>
    public static void MapCallPage(this WebApplication app)
    {
        if (!File.Exists(Manifest))
        {
            throw new InvalidOperationException($"The call page is not beside the server: {Manifest} is missing (building src/Reconnect.Server publishes the app there).");
        }

        var files = new PhysicalFileProvider(WebRoot);
        app.Lifetime.ApplicationStopped.Register(files.Dispose);
        app.Environment.WebRootPath = WebRoot;
        app.Environment.WebRootFileProvider = files;

        // "/" is index.html: the rewrite comes before routing, so the manifest's index.html endpoint answers it.
        app.UseDefaultFiles();
        app.UseRouting();
        app.MapStaticAssets(Manifest);
        app.MapGet("/dev/token", (string? room, string? name, JwtTokens tokens) =>
        {
            if (room is not { Length: > 0 } || name is not { Length: > 0 })
            {
                return Results.BadRequest(new { error = "room and name are required" });
            }

            var token = tokens.Issue(new TokenRequest(name, Channel: room, Metadata: new SortedDictionary<string, string>(StringComparer.Ordinal) { ["name"] = name }));
            tokens.Read(token, out var claims);
            return Results.Ok(new { token, expiresAt = claims?.Expires, iceServers = claims?.IceServers ?? [] });
        });
    }
}

using Microsoft.AspNetCore.StaticFiles;
using Reconnect.Server.Auth;

namespace Reconnect.Server.Endpoints;

/// <summary>
/// The call page: the static web assets of the Reconnect.Browser WebAssembly app at <c>/</c> (index.html by default,
/// <c>.wasm</c> as <c>application/wasm</c>, <c>.dat</c> and the debug symbols of a build, <c>.pdb</c>, as bytes), and <c>GET /dev/token?room=R&amp;name=N</c>, which
/// answers the page's token grant: <c>token</c>, <c>expiresAt</c> and the configured <c>iceServers</c>.
/// </summary>
internal static class CallPageEndpoints
{
    /// <summary>The command-line switch that turns the call page on.</summary>
    public const string Switch = "--call-page";

    /// <summary>Serves the page's files and maps the page's token route.</summary>
    public static void MapCallPage(this WebApplication app)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".wasm"] = "application/wasm";
        types.Mappings[".dat"] = "application/octet-stream";
        types.Mappings[".pdb"] = "application/octet-stream";
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = types });
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

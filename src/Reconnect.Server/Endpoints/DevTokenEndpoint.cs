using Reconnect.Server.Auth;

namespace Reconnect.Server.Endpoints;

/// <summary><c>POST /dev/token</c>: signs a token for a <see cref="TokenRequest"/>; mapped only in Development or with <c>DevTokens</c> on.</summary>
internal static class DevTokenEndpoint
{
    /// <summary>Maps the route.</summary>
    public static void MapDevToken(this IEndpointRouteBuilder app) =>
        app.MapPost("/dev/token", (TokenRequest request, JwtTokens tokens) =>
            request.Account is { Length: > 0 }
                ? Results.Ok(new { token = tokens.Issue(request) })
                : Results.BadRequest(new { error = "account is required" }));
}

using Reconnect.Server.Auth;

namespace Reconnect.Server.Endpoints;

/// <summary>
/// <c>POST /dev/token</c>: signs a token for a <see cref="TokenRequest"/> and answers it with its expiry (<c>token</c>,
/// <c>expiresAt</c>), so a client can refresh it ahead of time; mapped only in Development or with <c>DevTokens</c> on.
/// </summary>
internal static class DevTokenEndpoint
{
    /// <summary>Maps the route.</summary>
    public static void MapDevToken(this IEndpointRouteBuilder app) =>
        app.MapPost("/dev/token", (TokenRequest request, JwtTokens tokens) =>
        {
            if (request.Account is not { Length: > 0 })
            {
                return Results.BadRequest(new { error = "account is required" });
            }

            if (request.LifetimeSeconds > TokenRequest.MaxLifetimeSeconds)
            {
                return Results.BadRequest(new { error = $"lifetimeSeconds must be at most {TokenRequest.MaxLifetimeSeconds} (one day)" });
            }

            var token = tokens.Issue(request);
            tokens.Read(token, out var claims);
            return Results.Ok(new { token, expiresAt = claims?.Expires });
        });
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Reconnect.Channel;
using Reconnect.Core.Policies;
using Reconnect.Server.Hosting;

namespace Reconnect.Server.Endpoints;

/// <summary>
/// The admin API, guarded by the <c>X-Admin-Key</c> header (401 without the right key): <c>GET /admin/channels</c>
/// lists every channel with its peers; <c>POST /admin/channels/{channel}/peers/{peerId}/kick?code=4005</c> kicks a
/// peer with a close code (default 4005 <c>admin_disconnect</c>; a terminal code also revokes its token).
/// </summary>
internal static class AdminEndpoints
{
    /// <summary>The header that carries the admin key.</summary>
    public const string KeyHeader = "X-Admin-Key";

    /// <summary>Maps the admin routes.</summary>
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var expected = http.RequestServices.GetRequiredService<IOptions<ReconnectServerOptions>>().Value.AdminKey;
            if (!KeyMatches(http.Request.Headers[KeyHeader].ToString(), expected))
            {
                ServerLog.AdminRefused(http.RequestServices.GetRequiredService<ILogger<ReconnectServerOptions>>());
                return Results.Unauthorized();
            }

            return await next(context).ConfigureAwait(false);
        });
        admin.MapGet("/channels", ListAsync);
        admin.MapPost("/channels/{channel}/peers/{peerId}/kick", KickAsync);
    }

    private static async Task<IResult> ListAsync(IChannelOwnership ownership)
    {
        var perLoop = await Task.WhenAll(ownership.Loops.Select(loop => loop.QueryAsync(Channels))).ConfigureAwait(false);
        return Results.Ok(perLoop.SelectMany(c => c).OrderBy(c => c.Channel, StringComparer.Ordinal).ToList());
    }

    private static async Task<IResult> KickAsync(string channel, string peerId, int? code, IChannelOwnership ownership)
    {
        var closeCode = code ?? CloseCodes.AdminDisconnect;
        if (closeCode is not (CloseCodes.Normal or (>= 3000 and <= 4999)))
        {
            return Results.BadRequest(new { error = "code must be 1000 or in 3000-4999" });
        }

        var kicked = await ownership.OwnerOf(channel).KickAsync(new AdminKick(channel, peerId, closeCode)).ConfigureAwait(false);
        return kicked ? Results.Ok(new { channel, peerId, code = closeCode }) : Results.NotFound();
    }

    private static List<ChannelView> Channels(ChannelServer server) =>
        [.. server.Channels.Select(channel => new ChannelView(
            channel,
            [.. server.Roster(channel).Select(p => new PeerView(p.PeerId, p.SessionId, server.IsAttached(channel, p.PeerId), p.Metadata))]))];

    private static bool KeyMatches(string given, string expected) =>
        given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>A channel and its peers, as the admin API lists them.</summary>
    internal sealed record ChannelView(string Channel, IReadOnlyList<PeerView> Peers);

    /// <summary>A peer as the admin API lists it.</summary>
    internal sealed record PeerView(string PeerId, string SessionId, bool Attached, IReadOnlyDictionary<string, string> Metadata);
}

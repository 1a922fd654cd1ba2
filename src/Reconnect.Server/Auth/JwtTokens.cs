using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reconnect.Channel;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;

namespace Reconnect.Server.Auth;

/// <summary>
/// Signs and checks the server's HS256 JWTs. A token with a bad signature, a wrong key, a wrong issuer or audience,
/// no expiry or a malformed claim is refused with 4001 <c>invalid_token</c>; an expired one with 4002
/// <c>token_expired</c>; a revoked one with the code of the kick that revoked it.
/// </summary>
internal sealed class JwtTokens : ITokenValidator
{
    private const string PeerClaim = "peer";
    private const string ChannelClaim = "ch";
    private const string MetadataClaim = "md";
    private const string IceClaim = "ice";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly JsonWebTokenHandler handler = new();
    private readonly ReconnectServerOptions options;
    private readonly SymmetricSecurityKey key;
    private readonly TimeProvider time;
    private readonly TokenRevocations revocations;

    /// <summary>Creates the token service over the validated settings.</summary>
    public JwtTokens(IOptions<ReconnectServerOptions> options, TimeProvider time, TokenRevocations revocations)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        key = new SymmetricSecurityKey(ReconnectServerOptionsValidator.SigningKeyBytes(this.options.SigningKey));
        this.time = time;
        this.revocations = revocations;
    }

    /// <summary>Signs a token for a request.</summary>
    public string Issue(TokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lifetime = request.LifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.DevTokenLifetime;
        var expires = time.GetUtcNow() + lifetime;
        var issued = expires - TimeSpan.FromSeconds(1) < time.GetUtcNow() ? expires - TimeSpan.FromSeconds(1) : time.GetUtcNow();
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Sub] = request.Account,
            [JwtRegisteredClaimNames.Jti] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            [MetadataClaim] = JsonSerializer.SerializeToElement(request.Metadata ?? new Dictionary<string, string>(), Json),
            [IceClaim] = JsonSerializer.SerializeToElement(request.IceServers ?? ConfiguredIceServers(), Json),
        };
        if (request.PeerId is not null)
        {
            claims[PeerClaim] = request.PeerId;
        }

        if (request.Channel is not null)
        {
            claims[ChannelClaim] = request.Channel;
        }

        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = issued.UtcDateTime,
            NotBefore = issued.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <inheritdoc />
    public TokenCheck Validate(string token) =>
        Read(token, out var claims) is TokenRejected rejected
            ? rejected
            : new TokenAccepted(claims!.Account, claims.ChannelPattern, claims.PeerId);

    /// <summary>Checks a token; when accepted, <paramref name="claims"/> holds what it grants.</summary>
    public TokenCheck Read(string token, out TokenClaims? claims)
    {
        ArgumentNullException.ThrowIfNull(token);
        claims = null;
        var result = handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateLifetime = false,
        }).GetAwaiter().GetResult();
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt || !TryReadClaims(jwt, out var read))
        {
            return new TokenRejected(CloseCodes.InvalidToken);
        }

        if (read.Expires <= time.GetUtcNow())
        {
            return new TokenRejected(CloseCodes.TokenExpired);
        }

        if (revocations.CodeFor(read.TokenId) is { } code)
        {
            return new TokenRejected(code);
        }

        claims = read;
        return new TokenAccepted(read.Account, read.ChannelPattern, read.PeerId);
    }

    private List<IceServer> ConfiguredIceServers() =>
        [.. options.DevIceServers.Concat(options.IceServers).Select(s => new IceServer(s.Urls, s.Username, s.Credential))];

    private static bool TryReadClaims(JsonWebToken jwt, out TokenClaims claims)
    {
        claims = null!;
        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var expires)
            || string.IsNullOrEmpty(jwt.Subject)
            || string.IsNullOrEmpty(jwt.Id))
        {
            return false;
        }

        try
        {
            using var payload = JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(jwt.EncodedPayload)));
            var root = payload.RootElement;
            claims = new TokenClaims(
                jwt.Id,
                jwt.Subject,
                OptionalString(root, PeerClaim),
                OptionalString(root, ChannelClaim),
                root.TryGetProperty(MetadataClaim, out var md) ? md.Deserialize<Dictionary<string, string>>(Json) ?? [] : [],
                root.TryGetProperty(IceClaim, out var ice) ? ice.Deserialize<List<IceServer>>(Json) ?? [] : [],
                DateTimeOffset.FromUnixTimeSeconds(expires));
            return true;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() : null;
}

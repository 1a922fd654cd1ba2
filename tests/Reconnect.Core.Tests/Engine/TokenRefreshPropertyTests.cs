using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Core.Engine;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>The refresh of the token in use over every lifetime and jitter draw.</summary>
public sealed class TokenRefreshPropertyTests
{
    [Property(MaxTest = 60)]
    public Property Whatever_the_lifetime_and_seed_the_refresh_is_asked_for_before_the_token_expires(PositiveInt lifetimeSeconds, ulong seed)
    {
        var lifetime = TimeSpan.FromSeconds(2 + (lifetimeSeconds.Get % 7_200));
        var h = TokenRefreshRuleTests.JoinedWithToken(lifetime, seed);
        var expires = h.Now + lifetime;

        h.AdvanceUntil<FetchToken>(lifetime);

        return (h.Now < expires && h.Sent<RefreshTokenMessage>().Any() is false)
            .Label($"SEED=0x{seed:X} lifetime {lifetime}: refresh asked at {h.Now}, token expires at {expires}");
    }
}
